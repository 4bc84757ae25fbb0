import { MemberRole } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { HouseholdMember } from '../../households/entities/household-member.entity';
import { User } from '../../org/entities/user.entity';
import { Attachment } from '../../uploads/entities/attachment.entity';
import { MoveIn } from './move-in.entity';

/**
 * One person of a move-in registration: who they are, the papers the office checked, and once approved
 * the member row on the household file and the residence pass (居住证) number issued to them.
 */
@Entity('move_in_person')
@Index('IDX_move_in_person_move_in', ['moveInId', 'position'])
@Index('IDX_move_in_person_member', ['memberId'])
@Index('IDX_move_in_person_pass', ['residencePass'], { unique: true })
export class MoveInPerson {
  @IdColumn() id!: string;
  @RefColumn() moveInId!: string;
  @RefersTo(() => MoveIn, 'FK_move_in_person_move_in', 'CASCADE') moveIn?: MoveIn;
  /** Order within the registration, from 0. */
  @Column({ type: 'int' }) position!: number;
  @TextColumn(50) name!: string;
  @EnumColumn(MemberRole) role!: MemberRole;
  @TextColumn(20, { nullable: true }) relationship!: string | null;
  @TextColumn(20) phone!: string;
  @TextColumn(32) idNumber!: string;
  /** 'YYYY-MM-DD', China date. */
  @TextColumn(10) moveInDate!: string;
  /** The photo for the residence pass (an upload of the registrant's). */
  @RefColumn({ nullable: true }) photoId!: string | null;
  @RefersTo(() => Attachment, 'FK_move_in_person_photo', 'SET NULL') photo?: Attachment | null;
  /** The papers the office saw, comma-separated MoveInPaper values ('' for none). */
  @TextColumn(100) papers!: string;
  @RefColumn({ nullable: true }) papersCheckedById!: string | null;
  @RefersTo(() => User, 'FK_move_in_person_checker', 'SET NULL') papersCheckedBy?: User | null;
  @InstantColumn({ nullable: true }) papersCheckedAt!: Date | null;
  /** On approval: the member row added to the household file, and the pass number. */
  @RefColumn({ nullable: true }) memberId!: string | null;
  @RefersTo(() => HouseholdMember, 'FK_move_in_person_member', 'SET NULL')
  member?: HouseholdMember | null;
  @TextColumn(8, { nullable: true }) residencePass!: string | null;
}
