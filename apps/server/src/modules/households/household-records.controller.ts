import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HouseholdDocumentDto,
  HouseholdReviewStateDto,
  ReviewsDueDto,
  STAFF_ROLES,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CompleteReviewDto, RecordDocumentDto } from './dto/household-records.dto';
import { HouseholdDocuments, HouseholdReviews } from './household-records.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/** The documents checklist and the quarterly review of household files: the building's assistants and the community's supervisors. */
@ApiTags('households')
@ApiBearerAuth()
@Controller()
export class HouseholdRecordsController {
  constructor(
    private readonly documents: HouseholdDocuments,
    private readonly reviews: HouseholdReviews,
  ) {}

  @Implements(Endpoints.api.recordDocument)
  @Put('households/:id/documents/:kind')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff of the building: a paper of the checklist is on file (note replaced, scans added); answers the checklist',
  })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: RecordDocumentDto,
  ): Promise<HouseholdDocumentDto[]> {
    return this.documents.recordDocument(user, id, kind, body);
  }

  @Implements(Endpoints.api.removeDocument)
  @Delete('households/:id/documents/:kind')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff of the building: take a paper recorded by mistake off the file; answers the checklist',
  })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('kind') kind: string,
  ): Promise<HouseholdDocumentDto[]> {
    return this.documents.removeDocument(user, id, kind);
  }

  @Implements(Endpoints.api.completeReview)
  @Post('households/:id/reviews')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff of the building: the file was reviewed; the next review is due in LINLI_HOUSEHOLD_REVIEW_MONTHS',
  })
  review(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CompleteReviewDto,
  ): Promise<HouseholdReviewStateDto> {
    return this.reviews.completeReview(user, id, body.note);
  }

  @Implements(Endpoints.api.reviewsDue)
  @Get('household-reviews/due')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "The caller's household files due for review (an assistant's buildings, a supervisor's community), most overdue first",
  })
  due(@CurrentUser() user: AuthUser): Promise<ReviewsDueDto> {
    return this.reviews.dueReviews(user);
  }
}
