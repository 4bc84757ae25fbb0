import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  FileReadDto,
  FileReadLogEntryDto,
  HouseholdNoteDto,
  Page,
  Role,
  TimelineEntryDto,
} from '@linli/contracts';
import { cutPage } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { cursorCondition, emptyPage, findPage, PageRequest } from '../../../common/paging/paging';
import { HouseholdNote } from '../entities/household-note.entity';
import { HouseholdRead } from '../entities/household-read.entity';
import { HouseholdAccess } from '../household-access';
import { HouseholdTimeline } from '../household-timeline.service';
import { presentNote } from './household-file';

/** ReadHouseholdTimeline, ReadHouseholdNotes and the read audit (ReadFileReads, ReadReadLog): the pages behind the household file. */
@Injectable()
export class HouseholdAudit {
  constructor(
    @InjectRepository(HouseholdRead) private readonly reads: Repository<HouseholdRead>,
    @InjectRepository(HouseholdNote) private readonly notes: Repository<HouseholdNote>,
    private readonly access: HouseholdAccess,
    private readonly timeline: HouseholdTimeline,
  ) {}

  /** Staff of the building: the next page of the household's timeline (the file carries the first). */
  async timelineOf(
    user: AuthUser,
    householdId: string,
    page: PageRequest,
  ): Promise<Page<TimelineEntryDto>> {
    await this.access.staff(user, householdId);
    return this.timeline.page(householdId, page);
  }

  /** Staff of the building: the next page of the assistants' notes, newest first (the file carries the first). */
  async notesOf(
    user: AuthUser,
    householdId: string,
    page: PageRequest,
  ): Promise<Page<HouseholdNoteDto>> {
    await this.access.staff(user, householdId);
    return findPage(this.notes, { householdId }, page, (rows) => rows.map(presentNote), {
      relations: { author: true },
    });
  }

  /** Supervisors: who read this household's file, newest first. */
  async readsOf(
    user: AuthUser,
    householdId: string,
    page: PageRequest,
  ): Promise<Page<FileReadDto>> {
    await this.access.staff(user, householdId, [Role.Supervisor, Role.Admin]);
    return findPage(
      this.reads,
      { householdId },
      page,
      (rows) =>
        rows.map((r) => ({
          readerName: r.reader?.name ?? '',
          readerRole: r.reader?.role ?? '',
          at: r.at.toISOString(),
        })),
      {
        at: 'at',
        relations: { reader: true },
      },
    );
  }

  /** Supervisors and admins: the latest reads of any household file in their reach, to spot reading without cause. */
  async readLog(user: AuthUser, page: PageRequest): Promise<Page<FileReadLogEntryDto>> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return emptyPage();
    const query = this.reads
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.reader', 'u')
      .innerJoinAndSelect('r.household', 'h')
      .innerJoinAndSelect('h.room', 'room')
      .innerJoinAndSelect('room.building', 'b')
      .where('b.id IN (:...buildingIds)', { buildingIds });
    if (page.cursor) query.andWhere(...cursorCondition('r', page.cursor, 'at'));
    const rows = await query
      .orderBy('r.at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    const { items, nextCursor } = cutPage(rows, page.limit, (r) => ({ at: r.at, id: r.id }));
    return {
      nextCursor,
      items: items.map((r) => ({
        id: r.id,
        householdId: r.householdId,
        roomLabel: r.household?.room?.label ?? '',
        buildingName: r.household?.room?.building?.name ?? '',
        readerName: r.reader?.name ?? '',
        readerRole: r.reader?.role ?? '',
        at: r.at.toISOString(),
      })),
    };
  }
}
