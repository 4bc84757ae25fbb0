import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Page,
  QuestionnaireDto,
  Role,
  SurveyResultsDto,
  SurveyRoundDto,
  SurveySettingsDto as SurveySettingsShape,
} from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  AddRoundHouseholdsDto,
  CreateSurveyRoundDto,
  PublishSurveyResultsDto,
  SaveQuestionnaireDto,
  SurveySettingsDto,
  TagAnswerDto,
} from './dto/survey.dto';
import { QuestionnairesService } from './questionnaires.service';
import { SurveyExportService } from './survey-export.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRoundLifecycle } from './survey-round-lifecycle.service';
import { SurveyRoundsService } from './survey-rounds.service';
import { SurveySettingsService } from './survey-settings.service';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The office's side of satisfaction questionnaires: builder, rounds, results. Supervisors for their community, admins for the communities they reach. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    private readonly rounds: SurveyRoundsService,
    private readonly lifecycle: SurveyRoundLifecycle,
    private readonly results: SurveyResultsService,
    private readonly exports: SurveyExportService,
    private readonly settings: SurveySettingsService,
  ) {}

  @Implements(Endpoints.surveys.questionnaires)
  @Get('questionnaires')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The shipped templates (one per theme), the company’s templates and the community’s own questionnaires',
  })
  listQuestionnaires(@CurrentUser() user: AuthUser): Promise<QuestionnaireDto[]> {
    return this.questionnaires.list(user);
  }

  @Implements(Endpoints.surveys.createQuestionnaire)
  @Post('questionnaires')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'A draft questionnaire for the community (supervisor) or company-wide (admin, companyWide)',
  })
  createQuestionnaire(
    @CurrentUser() user: AuthUser,
    @Body() body: SaveQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.create(user, body);
  }

  @Implements(Endpoints.surveys.updateQuestionnaire)
  @Put('questionnaires/:id')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Edit a draft in place; a published questionnaire is frozen and the edit becomes its next version',
  })
  updateQuestionnaire(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SaveQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.update(user, id, body);
  }

  @Implements(Endpoints.surveys.publishQuestionnaire)
  @Post('questionnaires/:id/publish')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Publish (freeze) a draft questionnaire so rounds can use it' })
  publishQuestionnaire(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.publish(user, id);
  }

  @Implements(Endpoints.surveys.rounds)
  @Get('rounds')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The rounds of the communities the caller runs, latest closing first, a page at a time (?cursor=&limit=)',
  })
  listRounds(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<SurveyRoundDto>> {
    return this.rounds.list(user, pageRequest(query));
  }

  @Implements(Endpoints.surveys.createRound)
  @Post('rounds')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Draft a round: the sample is drawn at once (seed stored), to preview by building before sending',
  })
  createRound(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateSurveyRoundDto,
  ): Promise<SurveyRoundDto> {
    return this.rounds.create(user, body);
  }

  @Implements(Endpoints.surveys.round)
  @Get('rounds/:id')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'A round with its sample’s size and composition by building' })
  round(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveyRoundDto> {
    return this.rounds.detail(user, id);
  }

  @Implements(Endpoints.surveys.addHouseholds)
  @Post('rounds/:id/households')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Add occupied households of the community to a draft round by hand' })
  addHouseholds(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddRoundHouseholdsDto,
  ): Promise<SurveyRoundDto> {
    return this.rounds.addHouseholds(user, id, body);
  }

  @Implements(Endpoints.surveys.send)
  @Post('rounds/:id/send')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Open the round and invite the sample (inbox always, WeChat for the subscribed)',
  })
  send(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveyRoundDto> {
    return this.lifecycle.send(user, id);
  }

  @Implements(Endpoints.surveys.close)
  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Close an open round before its window ends' })
  close(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveyRoundDto> {
    return this.lifecycle.close(user, id);
  }

  @Implements(Endpoints.surveys.cancel)
  @Post('rounds/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Cancel a draft or open round' })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveyRoundDto> {
    return this.lifecycle.cancel(user, id);
  }

  @Implements(Endpoints.surveys.results)
  @Get('rounds/:id/results')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Response rate, satisfaction with the response-rate penalty, per theme and question, Pareto, trend',
  })
  roundResults(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveyResultsDto> {
    return this.results.results(user, id);
  }

  @Implements(Endpoints.surveys.exportRound)
  @Get('rounds/:id/export')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The round’s results and answers as an Excel workbook' })
  async exportRound(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(user, id);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="survey-results.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.data, { type: XLSX, length: file.data.length });
  }

  @Implements(Endpoints.surveys.publishResults)
  @Post('rounds/:id/publish-results')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Publish a closed round’s headline figures and the improvements to the community’s residents',
  })
  publishResults(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: PublishSurveyResultsDto,
  ): Promise<SurveyRoundDto> {
    return this.lifecycle.publishResults(user, id, body);
  }

  @Implements(Endpoints.surveys.tag)
  @Put('answers/:id/tag')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Tag a free-text reason for the Pareto chart (null removes the tag)' })
  tag(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: TagAnswerDto,
  ): Promise<{ answerId: string; tag: string | null }> {
    return this.results.tag(user, id, body);
  }

  @Implements(Endpoints.surveys.settings)
  @Get('settings')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The company’s survey settings (sampling rates, recontact window, reminder, target, answer privacy)',
  })
  getSettings(@CurrentUser() user: AuthUser): Promise<SurveySettingsShape> {
    return this.settings.get(user);
  }

  @Implements(Endpoints.surveys.saveSettings)
  @Put('settings')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Company admin: change the survey settings' })
  saveSettings(
    @CurrentUser() user: AuthUser,
    @Body() body: SurveySettingsDto,
  ): Promise<SurveySettingsShape> {
    return this.settings.save(user, body);
  }
}
