import { Injectable } from '@nestjs/common';
import { TicketCategoryDto } from '@linli/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TicketCategory } from './entities/ticket-category.entity';

@Injectable()
export class CategoriesService {
  constructor(@InjectRepository(TicketCategory) private readonly categories: Repository<TicketCategory>) {}

  async list(): Promise<TicketCategoryDto[]> {
    const rows = await this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(({ code, name, kind, emergency }) => ({ code, name, kind, emergency }));
  }

  find(code: string): Promise<TicketCategory | null> {
    return this.categories.findOne({ where: { code } });
  }
}
