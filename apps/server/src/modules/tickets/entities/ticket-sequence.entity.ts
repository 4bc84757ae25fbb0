import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number handed out on a China-time day ('2026-11-22'), for codes like BX20261122-0007. */
@Entity('ticket_sequence')
export class TicketSequence {
  @PrimaryColumn({ type: 'varchar', length: 10 }) dayKey!: string;
  @Column({ type: 'int' }) lastValue!: number;
}
