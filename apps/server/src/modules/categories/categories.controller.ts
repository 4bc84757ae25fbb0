import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, TicketCategoryDto } from '@linli/contracts';
import { Roles } from '../../common/auth/decorators';
import { CategoriesService } from './categories.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('ticket-categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'What can be reported, in display order' })
  list(): Promise<TicketCategoryDto[]> {
    return this.categories.list();
  }
}
