import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { SURVEY_ENTITIES } from './entities';
import { QuestionnairesService } from './questionnaires.service';
import { SurveyAccess } from './survey-access';
import { SurveyAnsweringController } from './survey-answering.controller';
import { SurveyAnswering } from './survey-answering.service';
import { SurveySummary } from './survey-summary';
import { SurveyRoundPresenter } from './survey-round-presenter';
import { SurveyExportService } from './survey-export.service';
import { SurveyMessages } from './survey-messages';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRoundLifecycle } from './survey-round-lifecycle.service';
import { SurveyRoundsService } from './survey-rounds.service';
import { SurveySettingsService } from './survey-settings.service';
import { SurveySweeper } from './survey-sweeper.service';
import { SurveysController } from './surveys.controller';
import { Community } from '../org/entities/community.entity';
import { Company } from '../org/entities/company.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';

/** Satisfaction questionnaires (domain brief §9): builder, rounds and sampling, in-chat answering, results. SurveyAnswering is exported for other channels (WeChat chat). */
@Module({
  imports: [
    TypeOrmModule.forFeature([...SURVEY_ENTITIES, Community, Company, Building, Household, Room]),
    NotificationsModule,
    OrgModule,
  ],
  controllers: [SurveysController, SurveyAnsweringController],
  providers: [
    SurveyAccess,
    SurveySettingsService,
    QuestionnairesService,
    SurveyRoundsService,
    SurveyRoundLifecycle,
    SurveyResultsService,
    SurveyExportService,
    SurveyAnswering,
    SurveySummary,
    SurveyRoundPresenter,
    SurveyMessages,
    SurveySweeper,
  ],
  exports: [SurveyAnswering],
})
export class SurveysModule {}
