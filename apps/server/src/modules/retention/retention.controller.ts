import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetentionRunDto, Role } from '@linli/contracts';
import { Roles } from '../../common/auth/decorators';
import { RetentionJob } from './retention-job';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/retention-runs')
export class RetentionController {
  constructor(private readonly job: RetentionJob) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'What the retention job anonymised, run by run, newest first (counts only; no record content)' })
  list(): Promise<RetentionRunDto[]> {
    return this.job.list();
  }
}
