import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn, RefersTo, TextColumn } from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { Attachment } from '../../uploads/entities/attachment.entity';

/** What a staff member shows residents on their card (issue #4, "the assistant's card"). One row per person. */
@Entity('staff_profile')
export class StaffProfile {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @OneToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_staff_profile_user' })
  user?: User;
  @RefColumn({ nullable: true }) photoId!: string | null;
  @RefersTo(() => Attachment, 'FK_staff_profile_photo', 'SET NULL') photo?: Attachment | null;
  @Column({ type: 'json' }) specialities!: string[];
  @TextColumn(20, { nullable: true }) servicePhone!: string | null;
  @TextColumn(200, { nullable: true }) intro!: string | null;
  @InstantColumn() updatedAt!: Date;
}
