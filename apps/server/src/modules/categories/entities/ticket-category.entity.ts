import { TicketKind } from '@linli/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnumColumn, TextColumn } from '../../../database/columns';
import { Department } from '../department';

/** What a resident can report (报事类别): its kind, the department that handles it, whether it is an emergency. */
@Entity('ticket_category')
export class TicketCategory {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;
  @TextColumn(50) name!: string;
  @EnumColumn(TicketKind) kind!: TicketKind;
  @EnumColumn(Department) department!: Department;
  @Column({ type: 'boolean', default: false }) emergency!: boolean;
  /** Serious by default (the ticket's severity at intake; staff may change it). */
  @Column({ type: 'boolean', default: false }) serious!: boolean;
  @Column({ type: 'int', default: 0 }) sortOrder!: number;
  /** Codes of the time-limit policies (docs/domain-rules.md §6) that time its tickets; the stricter limit wins. */
  @Column({ type: 'json' }) slaPolicies!: string[];
}
