import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, RetentionRunDto, Role } from '@linli/contracts';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Roles } from '../../common/auth/decorators';
import { RetentionJob } from './retention-job';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/retention-runs')
export class RetentionController {
  constructor(private readonly job: RetentionJob) {}

  @Implements(Endpoints.api.retentionRuns)
  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'What the retention job anonymised, run by run, newest first, a page at a time (?cursor=&limit=; counts only, no record content)',
  })
  list(@Query() query: PageQueryDto): Promise<Page<RetentionRunDto>> {
    return this.job.list(pageRequest(query));
  }
}
