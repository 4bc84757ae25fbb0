import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

/** A property-management company (物业公司). */
@Entity('company')
export class Company {
  @IdColumn() id!: string;
  @TextColumn(100) name!: string;
  @InstantColumn() createdAt!: Date;
}
