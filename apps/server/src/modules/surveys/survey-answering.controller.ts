import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MySurveyDto, Role, SurveyConversationDto, SurveySummaryDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SurveyAnswerDto } from './dto/survey.dto';
import { SurveyAnswering } from './survey-answering.service';
import { SurveySummary } from './survey-summary';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

const respondent = (user: AuthUser) => ({ userId: user.id, householdId: user.householdId });

/** The resident's side: the questionnaires the household is invited to, answered as a conversation. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys')
export class SurveyAnsweringController {
  constructor(
    private readonly answering: SurveyAnswering,
    private readonly summaries: SurveySummary,
  ) {}

  @Implements(Endpoints.surveys.mine)
  @Get('mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident: the questionnaires their household is invited to, open ones first',
  })
  mine(@CurrentUser() user: AuthUser): Promise<MySurveyDto[]> {
    return this.answering.mine(respondent(user));
  }

  @Implements(Endpoints.surveys.conversation)
  @Get('rounds/:id/conversation')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A resident of an invited household: the conversation so far, the next question and the progress',
  })
  conversation(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<SurveyConversationDto> {
    return this.answering.conversation(respondent(user), id);
  }

  @Implements(Endpoints.surveys.answer)
  @Post('rounds/:id/answers')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A resident of an invited household: answer (or re-answer) one question; the last answer completes the household’s questionnaire',
  })
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: SurveyAnswerDto,
  ): Promise<SurveyConversationDto> {
    return this.answering.answer(respondent(user), id, body);
  }

  @Implements(Endpoints.surveys.summary)
  @Get('rounds/:id/summary')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'A resident of the community: a round’s published headline figures and improvements',
  })
  summary(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SurveySummaryDto> {
    return this.summaries.summary(respondent(user), id);
  }
}
