import type {
  CategoryTaxonomyDto,
  TicketCategoryAdminDto,
  TicketCategoryDto,
  UpdateTicketCategoryRequest,
} from '..';
import { get, put } from './endpoint';

/** categories: the routes its controllers declare. */
export const categoriesEndpoints = {
  categories: get('/api/ticket-categories')<void, TicketCategoryDto[]>(),
  categoryTaxonomy: get('/api/ticket-categories/manage')<void, CategoryTaxonomyDto>(),
  updateCategory: put('/api/ticket-categories/:code')<
    UpdateTicketCategoryRequest,
    TicketCategoryAdminDto
  >(),
};
