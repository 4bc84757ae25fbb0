import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SurveySettingsDto } from '@linli/contracts';
import {
  DEFAULT_SAMPLING_RULES,
  DEFAULT_TARGET_PERCENT,
  SamplingRules,
} from '@linli/domain/surveys';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { SurveySettingsDto as SaveSurveySettingsDto } from './dto/survey.dto';
import { SurveySettings } from './entities/survey-settings.entity';
import { SurveyAccess } from './survey-access';

/** The defaults a company starts with (domain brief §9); staff see answers anonymously unless the company allows otherwise. */
export const SURVEY_SETTING_DEFAULTS: SurveySettingsDto = {
  staffSeeHouseholdAnswers: false,
  recontactDays: DEFAULT_SAMPLING_RULES.recontactDays,
  reminderHoursBeforeClose: 48,
  monthlyRatePercent: DEFAULT_SAMPLING_RULES.ratePercent.monthly,
  annualRatePercent: DEFAULT_SAMPLING_RULES.ratePercent.annual,
  targetPercent: DEFAULT_TARGET_PERCENT,
};

export function samplingRulesOf(s: SurveySettingsDto): SamplingRules {
  return {
    ratePercent: {
      monthly: s.monthlyRatePercent,
      annual: s.annualRatePercent,
      ad_hoc: s.monthlyRatePercent,
    },
    recontactDays: s.recontactDays,
  };
}

@Injectable()
export class SurveySettingsService {
  constructor(
    @InjectRepository(SurveySettings) private readonly settings: Repository<SurveySettings>,
    private readonly access: SurveyAccess,
    private readonly clock: ClockService,
  ) {}

  async ofCompany(
    companyId: string,
    db: EntityManager = this.settings.manager,
  ): Promise<SurveySettingsDto> {
    const row = await db.findOne(SurveySettings, { where: { companyId } });
    if (!row) return { ...SURVEY_SETTING_DEFAULTS };
    // The settings only: not the row's company (nor its relation) nor when it was saved.
    const { companyId: _companyId, company: _company, updatedAt: _updatedAt, ...settings } = row;
    return settings;
  }

  async ofCommunity(communityId: string, db?: EntityManager): Promise<SurveySettingsDto> {
    return this.ofCompany(await this.access.companyOfCommunity(communityId), db);
  }

  async get(user: AuthUser): Promise<SurveySettingsDto> {
    return this.ofCompany(await this.access.companyOf(user));
  }

  async save(user: AuthUser, dto: SaveSurveySettingsDto): Promise<SurveySettingsDto> {
    const companyId = await this.access.companyOf(user);
    const row: SurveySettings = { companyId, ...dto, updatedAt: this.clock.now() };
    await this.settings.save(row);
    return this.ofCompany(companyId);
  }
}
