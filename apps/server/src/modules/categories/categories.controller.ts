import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  SERVICE_ROLES,
  CategoryTaxonomyDto,
  Role,
  TicketCategoryAdminDto,
  TicketCategoryDto,
} from '@linli/contracts';
import { Roles } from '../../common/auth/decorators';
import { CategoriesService } from './categories.service';
import { UpdateTicketCategoryDto } from './dto/update-category.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('ticket-categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Implements(Endpoints.api.categories)
  @Get()
  @Roles(...SERVICE_ROLES)
  @ApiOperation({ summary: 'What can be reported, in display order' })
  list(): Promise<TicketCategoryDto[]> {
    return this.categories.list();
  }

  @Implements(Endpoints.api.categoryTaxonomy)
  @Get('manage')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Supervisors and admins: the taxonomy with departments and time-limit policies, and the options for each',
  })
  taxonomy(): Promise<CategoryTaxonomyDto> {
    return this.categories.taxonomy();
  }

  @Implements(Endpoints.api.updateCategory)
  @Put(':code')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Supervisors and admins: change a category’s name, department, default emergency or time-limit policies (new tickets only)',
  })
  update(
    @Param('code') code: string,
    @Body() body: UpdateTicketCategoryDto,
  ): Promise<TicketCategoryAdminDto> {
    return this.categories.update(code, body);
  }
}
