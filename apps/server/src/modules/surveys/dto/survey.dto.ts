import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AddRoundHouseholdsRequest,
  CreateSurveyRoundRequest,
  PublishSurveyResultsRequest,
  QuestionType,
  SaveQuestionnaireRequest,
  SurveyAnswerInput,
  SurveyQuestion,
  SurveyRoundKind,
  SurveySettingsDto as SurveySettingsShape,
  SurveyTheme,
  TagAnswerRequest,
} from '@linli/contracts';
import { IntBetween, OptionalString, TextBetween } from '../../../common/validation/dto-fields';

export class SurveyQuestionDto implements SurveyQuestion {
  @ApiProperty({ example: 'q1' })
  @IsString({ message: '题目编号必须是文字' })
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: '题目编号只能是 1–20 个字母或数字' })
  id!: string;

  @ApiProperty({ enum: QuestionType })
  @IsEnum(QuestionType, { message: '请选择题型' })
  type!: QuestionType;

  @ApiProperty({ enum: SurveyTheme })
  @IsEnum(SurveyTheme, { message: '请选择题目所属的主题' })
  theme!: SurveyTheme;

  @ApiProperty({ maxLength: 100 })
  @TextBetween(2, 100, { type: '请填写题目', min: '题目至少 2 个字', max: '题目不能超过 100 个字' })
  text!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '选项必须是列表' })
  @ArrayMaxSize(10, { message: '选项不能超过 10 个' })
  @IsString({ each: true, message: '选项必须是文字' })
  @MaxLength(30, { each: true, message: '每个选项不能超过 30 个字' })
  options?: string[];

  @ApiProperty()
  @IsBoolean({ message: '请说明是否必答' })
  required!: boolean;
}

export class SaveQuestionnaireDto implements SaveQuestionnaireRequest {
  @ApiProperty({ maxLength: 60 })
  @TextBetween(2, 60, {
    type: '请填写问卷标题',
    min: '问卷标题至少 2 个字',
    max: '问卷标题不能超过 60 个字',
  })
  title!: string;

  @ApiProperty({ enum: SurveyTheme })
  @IsEnum(SurveyTheme, { message: '请选择问卷主题' })
  theme!: SurveyTheme;

  @ApiProperty({ type: [SurveyQuestionDto] })
  @IsArray({ message: '请添加题目' })
  @ArrayMinSize(1, { message: '请至少添加一道题' })
  @ArrayMaxSize(30, { message: '题目不能超过 30 道' })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions!: SurveyQuestionDto[];

  @ApiPropertyOptional({ description: 'Admin only: a company-wide template' })
  @IsOptional()
  @IsBoolean({ message: '请说明是否为全公司模板' })
  companyWide?: boolean;
}

export class CreateSurveyRoundDto implements CreateSurveyRoundRequest {
  @ApiProperty({
    description: 'A published questionnaire id, or builtin:<theme> for a shipped template',
  })
  @IsString({ message: '请选择问卷' })
  @Matches(/^([0-9a-f-]{36}|builtin:[a-z_]+)$/, { message: '请选择问卷' })
  questionnaireId!: string;

  @ApiProperty({ enum: SurveyRoundKind })
  @IsEnum(SurveyRoundKind, { message: '请选择调查类型' })
  kind!: SurveyRoundKind;

  @ApiProperty({ maxLength: 60 })
  @TextBetween(2, 60, {
    type: '请填写调查名称',
    min: '调查名称至少 2 个字',
    max: '调查名称不能超过 60 个字',
  })
  title!: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: '请填写有效的开始时间' })
  opensAt!: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: '请填写有效的结束时间' })
  closesAt!: string;

  @ApiPropertyOptional({ description: 'Admin only: the community' })
  @IsOptional()
  @IsUUID('all', { message: '请选择小区' })
  communityId?: string;
}

export class AddRoundHouseholdsDto implements AddRoundHouseholdsRequest {
  @ApiProperty({ type: [String] })
  @IsArray({ message: '请选择住户' })
  @ArrayMinSize(1, { message: '请选择住户' })
  @ArrayMaxSize(500, { message: '一次最多添加 500 户' })
  @IsUUID('all', { each: true, message: '请选择本小区的住户' })
  householdIds!: string[];
}

export class SurveyAnswerDto implements SurveyAnswerInput {
  @ApiProperty({ example: 'q1' })
  @IsString({ message: '请指明题目' })
  @MaxLength(20, { message: '请指明题目' })
  questionId!: string;

  @ApiPropertyOptional({
    description: 'stars 1–5, a satisfaction label, an option, options, or text',
  })
  @Allow()
  value?: number | string | string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '跳过须为是或否' })
  skip?: boolean;
}

export class TagAnswerDto implements TagAnswerRequest {
  @ApiProperty({ nullable: true, maxLength: 30 })
  @OptionalString(30, { type: '标签必须是文字', max: '标签不能超过 30 个字' })
  tag!: string | null;
}

export class PublishSurveyResultsDto implements PublishSurveyResultsRequest {
  @ApiProperty({ maxLength: 500 })
  @TextBetween(4, 500, {
    type: '请写明下一步改进的事项',
    min: '请写明下一步改进的事项',
    max: '改进事项不能超过 500 个字',
  })
  improvements!: string;
}

export class SurveySettingsDto implements SurveySettingsShape {
  @ApiProperty()
  @IsBoolean({ message: '请选择是否允许员工查看各户答卷' })
  staffSeeHouseholdAnswers!: boolean;
  @ApiProperty()
  @IntBetween(0, 365, {
    type: '回避期须为整数天',
    min: '回避期不能为负',
    max: '回避期不能超过 365 天',
  })
  recontactDays!: number;
  @ApiProperty()
  @IntBetween(1, 168, {
    type: '提醒时间须为整数小时',
    min: '提醒时间至少 1 小时',
    max: '提醒时间不能超过 168 小时',
  })
  reminderHoursBeforeClose!: number;
  @ApiProperty()
  @IntBetween(5, 100, {
    type: '抽样比例须为整数',
    min: '月度抽样不少于 5%',
    max: '抽样比例不能超过 100%',
  })
  monthlyRatePercent!: number;
  @ApiProperty()
  @IntBetween(50, 100, {
    type: '抽样比例须为整数',
    min: '年度抽样不少于 50%',
    max: '抽样比例不能超过 100%',
  })
  annualRatePercent!: number;
  @ApiProperty()
  @IntBetween(1, 100, {
    type: '目标须为整数',
    min: '目标须在 1–100 之间',
    max: '目标须在 1–100 之间',
  })
  targetPercent!: number;
}
