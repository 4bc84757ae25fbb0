import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { ErrorCode, MemberRole, MoveOutDto, Role } from '@linli/contracts';
import {
  MOVE_OUT_WORKFLOW,
  MoveOutFact,
  MoveOutRelation,
  MoveOutStep,
  WorkflowFacts,
  decideStep,
  fromOf,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdAccess } from '../households/household-access';
import { MoveOut } from './entities/move-out.entity';
import { presentMoveOut, RELATIONS } from './move-out-view';

/** The reads and guarded writes every move-out step shares: who may see an application, and its state changes. */
@Injectable()
export class MoveOutRecords {
  constructor(
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly access: HouseholdAccess,
  ) {}

  async get(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    return this.present(
      row,
      user,
      user.role === Role.Resident ? await this.memberOf(user) : undefined,
    );
  }

  /** The caller's own current record on a household file (residents). */
  async memberOf(user: AuthUser): Promise<HouseholdMember> {
    const member =
      user.role === Role.Resident && user.householdId
        ? await this.members.findOne({
            where: { householdId: user.householdId, userId: user.id, removedAt: IsNull() },
          })
        : null;
    if (!member) throw new AppException(ErrorCode.MOVE_OUT_NOT_A_MEMBER);
    return member;
  }

  /** The application, if the caller may see it: its household's owner or its applicant; the building's assistant; the community's supervisor; the admin. */
  async load(user: AuthUser, id: string): Promise<MoveOut> {
    const row = await this.moveOuts.findOne({ where: { id }, relations: RELATIONS });
    if (!row || !(await this.maySee(user, row)))
      throw new AppException(ErrorCode.MOVE_OUT_NOT_FOUND);
    return row;
  }

  async maySee(user: AuthUser, row: MoveOut): Promise<boolean> {
    switch (user.role) {
      case Role.Admin:
      case Role.Supervisor:
      case Role.Assistant:
        return this.access.mayWorkIn(user, { id: row.buildingId, communityId: row.communityId });
      case Role.Resident: {
        if (user.householdId !== row.householdId) return false;
        const member = await this.members.findOne({
          where: { householdId: row.householdId, userId: user.id, removedAt: IsNull() },
        });
        return member !== null && (member.role === MemberRole.Owner || row.applicantId === user.id);
      }
      default:
        return false;
    }
  }

  /** Refuses a step the workflow table does not allow now, with the step's own error for each reason. */
  check(
    row: MoveOut,
    step: MoveOutStep,
    facts: WorkflowFacts<MoveOutRelation, MoveOutFact>,
    refusals: { actor?: AppException; state?: AppException; condition?: AppException } = {},
  ): void {
    const decision = decideStep(MOVE_OUT_WORKFLOW, row.status, step, facts);
    if (decision.allowed) return;
    if (decision.reason === 'actor') throw refusals.actor ?? new AppException(ErrorCode.FORBIDDEN);
    throw (
      (decision.reason === 'state' ? refusals.state : refusals.condition) ??
      new AppException(ErrorCode.MOVE_OUT_STATE)
    );
  }

  /** Take the step, only from the states the table starts it in (two clicks at once: one wins, the other is told). */
  async transition(
    id: string,
    step: MoveOutStep,
    changes: Partial<MoveOut>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const done = await this.moveOuts.update(
      { id, status: In(fromOf(MOVE_OUT_WORKFLOW, step)), ...extra },
      changes,
    );
    if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_OUT_STATE);
  }

  async present(row: MoveOut, viewer: AuthUser, member?: HouseholdMember): Promise<MoveOutDto> {
    const departed = row.deregisteredAt
      ? (
          await this.members.find({
            where: { householdId: row.householdId, removedAt: Not(IsNull()) },
          })
        )
          .filter((m) => m.removedAt?.getTime() === row.deregisteredAt!.getTime())
          .map((m) => m.name)
      : [];
    return presentMoveOut(row, viewer, member, departed);
  }
}
