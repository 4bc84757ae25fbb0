import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  HOUSEHOLD_DOCUMENT_LABELS,
  HouseholdDocument,
  HouseholdDocumentDto,
  HouseholdReviewStateDto,
  RecordDocumentRequest,
  ReviewDueDto,
  ReviewsDueDto,
} from '@linli/contracts';
import {
  addMonthsToDateKey,
  chinaDateKey,
  daysBetweenDateKeys,
  requiredDocuments,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { Household } from '../org/entities/household.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { UploadUrlSigner } from '../uploads/upload-url-signer';
import { HouseholdDocumentPhoto } from './entities/household-document-photo.entity';
import { HouseholdDocumentRecord } from './entities/household-document.entity';
import { HouseholdReview } from './entities/household-review.entity';
import { HouseholdAccess } from './household-access';

/** How many due files the review task list carries (the total is given beside it). */
const DUE_LIST_LIMIT = 200;
/** At most this many photos per paper. */
const MAX_DOCUMENT_PHOTOS = 9;

const DOCUMENT_ORDER = Object.values(HouseholdDocument);

/**
 * The documents checklist kept with a household file (docs/domain-rules.md §3): every kind of paper, on file or not,
 * with its scans.
 */
@Injectable()
export class HouseholdDocuments {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectRepository(HouseholdDocumentRecord)
    private readonly documents: Repository<HouseholdDocumentRecord>,
    @InjectRepository(HouseholdDocumentPhoto)
    private readonly documentPhotos: Repository<HouseholdDocumentPhoto>,
    private readonly access: HouseholdAccess,
    private readonly signer: UploadUrlSigner,
    private readonly clock: ClockService,
  ) {}

  /** The checklist: every kind of paper, on file or not, and how many required ones are missing. */
  async checklist(
    householdId: string,
  ): Promise<{ documents: HouseholdDocumentDto[]; missing: number }> {
    const rows = await this.documents.find({
      where: { householdId },
      relations: { recordedBy: true },
    });
    const photos = rows.length
      ? await this.documentPhotos.find({
          where: { documentId: In(rows.map((r) => r.id)) },
          order: { id: 'ASC' },
        })
      : [];
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    const required = requiredDocuments(new Set(byKind.keys()));
    const documents = DOCUMENT_ORDER.map((kind): HouseholdDocumentDto => {
      const row = byKind.get(kind);
      return {
        kind,
        label: HOUSEHOLD_DOCUMENT_LABELS[kind],
        onFile: row !== undefined,
        required: required.has(kind),
        note: row?.note ?? null,
        recordedByName: row ? (row.recordedBy?.name ?? null) : null,
        recordedAt: row?.recordedAt.toISOString() ?? null,
        photos: row
          ? photos
              .filter((p) => p.documentId === row.id)
              .map((p) => ({ id: p.attachmentId, url: this.signer.url(p.attachmentId) }))
          : [],
      };
    });
    return { documents, missing: documents.filter((d) => d.required && !d.onFile).length };
  }

  /** Staff of the building: the paper is on file (again: the note is replaced, photos are added). */
  async recordDocument(
    user: AuthUser,
    householdId: string,
    kind: string,
    req: RecordDocumentRequest,
  ): Promise<HouseholdDocumentDto[]> {
    await this.access.staff(user, householdId);
    const documentKind = this.kindOf(kind);
    const photoIds = [...new Set(req.photoIds ?? [])];
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      let row = await db.findOne(HouseholdDocumentRecord, {
        where: { householdId, kind: documentKind },
      });
      if (row) {
        await db.update(
          HouseholdDocumentRecord,
          { id: row.id },
          { note: req.note?.trim() || row.note, recordedById: user.id, recordedAt: now },
        );
      } else {
        row = {
          id: randomUUID(),
          householdId,
          kind: documentKind,
          note: req.note?.trim() || null,
          recordedById: user.id,
          recordedAt: now,
        };
        await db.insert(HouseholdDocumentRecord, row);
      }
      if (photoIds.length === 0) return;
      const existing = await db.count(HouseholdDocumentPhoto, { where: { documentId: row.id } });
      if (existing + photoIds.length > MAX_DOCUMENT_PHOTOS)
        throw new AppException(ErrorCode.UPLOAD_TOO_MANY);
      // Only the caller's own uploads, not on a ticket and not already on a paper.
      const usable = await db.find(Attachment, {
        where: { id: In(photoIds), ownerId: user.id, ticketId: IsNull() },
        select: { id: true },
      });
      const taken = await db.count(HouseholdDocumentPhoto, {
        where: { attachmentId: In(photoIds) },
      });
      if (usable.length !== photoIds.length || taken > 0)
        throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
      await db.insert(
        HouseholdDocumentPhoto,
        photoIds.map((attachmentId) => ({ id: randomUUID(), documentId: row.id, attachmentId })),
      );
    });
    return (await this.checklist(householdId)).documents;
  }

  /** Staff of the building: take a paper off the file (recorded by mistake). Its scans stay uploaded but unlinked. */
  async removeDocument(
    user: AuthUser,
    householdId: string,
    kind: string,
  ): Promise<HouseholdDocumentDto[]> {
    await this.access.staff(user, householdId);
    const removed = await this.documents.delete({ householdId, kind: this.kindOf(kind) });
    if (!removed.affected) throw new AppException(ErrorCode.HOUSEHOLD_DOCUMENT_NOT_ON_FILE);
    return (await this.checklist(householdId)).documents;
  }

  private kindOf(kind: string): HouseholdDocument {
    if (!(DOCUMENT_ORDER as string[]).includes(kind))
      throw new AppException(ErrorCode.HOUSEHOLD_DOCUMENT_UNKNOWN);
    return kind as HouseholdDocument;
  }
}

/** The quarterly review of a household file, with the assistants' list of files due (the timeline is HouseholdTimeline). */
@Injectable()
export class HouseholdReviews {
  constructor(
    @InjectRepository(HouseholdReview) private readonly reviews: Repository<HouseholdReview>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reviewState(householdId: string): Promise<HouseholdReviewStateDto> {
    const last = await this.reviews.findOne({
      where: { householdId },
      relations: { reviewer: true },
      order: { reviewedAt: 'DESC' },
    });
    const today = chinaDateKey(this.clock.now());
    return {
      nextReviewOn: last?.nextReviewOn ?? null,
      lastReviewedAt: last?.reviewedAt.toISOString() ?? null,
      lastReviewerName: last ? (last.reviewer?.name ?? null) : null,
      lastReviewNote: last?.note ?? null,
      due: !last || last.nextReviewOn <= today,
    };
  }

  /** Staff of the building: the file was gone through; the next review is due in LINLI_HOUSEHOLD_REVIEW_MONTHS. */
  async completeReview(
    user: AuthUser,
    householdId: string,
    note: string | undefined,
  ): Promise<HouseholdReviewStateDto> {
    await this.access.staff(user, householdId);
    const now = this.clock.now();
    const nextReviewOn = addMonthsToDateKey(chinaDateKey(now), this.config.householdReviewMonths);
    await this.reviews.insert({
      id: randomUUID(),
      householdId,
      reviewerId: user.id,
      note: note?.trim() || null,
      reviewedAt: now,
      nextReviewOn,
    });
    return this.reviewState(householdId);
  }

  /**
   * The caller's files due for review today or earlier, most overdue first: households with someone
   * living there whose last review's next date has come, or that were never reviewed.
   */
  async dueReviews(user: AuthUser): Promise<ReviewsDueDto> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return { total: 0, items: [] };
    const rows: {
      id: string;
      roomLabel: string;
      buildingName: string;
      createdAt: Date | string;
      nextReviewOn: string | null;
      lastReviewedAt: Date | string | null;
    }[] = await this.households
      .createQueryBuilder('h')
      .innerJoin('h.room', 'r')
      .innerJoin('r.building', 'b')
      .leftJoin(HouseholdReview, 'rv', 'rv.householdId = h.id')
      .select([
        'h.id AS id',
        'r.label AS roomLabel',
        'b.name AS buildingName',
        'h.createdAt AS createdAt',
      ])
      .addSelect('MAX(rv.nextReviewOn)', 'nextReviewOn')
      .addSelect('MAX(rv.reviewedAt)', 'lastReviewedAt')
      .where('b.id IN (:...buildingIds)', { buildingIds })
      .andWhere(
        'EXISTS (SELECT 1 FROM household_member m WHERE m.householdId = h.id AND m.removedAt IS NULL)',
      )
      .groupBy('h.id')
      .addGroupBy('r.label')
      .addGroupBy('b.name')
      .addGroupBy('h.createdAt')
      .getRawMany();
    const today = chinaDateKey(this.clock.now());
    const due = rows
      .map((r): ReviewDueDto => {
        const since = r.nextReviewOn ?? chinaDateKey(new Date(r.createdAt));
        return {
          householdId: r.id,
          roomLabel: r.roomLabel,
          buildingName: r.buildingName,
          nextReviewOn: r.nextReviewOn,
          lastReviewedAt: r.lastReviewedAt ? new Date(r.lastReviewedAt).toISOString() : null,
          overdueDays: Math.max(0, daysBetweenDateKeys(since, today)),
        };
      })
      .filter((r) => r.nextReviewOn === null || r.nextReviewOn <= today)
      .sort(
        (a, b) =>
          b.overdueDays - a.overdueDays ||
          a.buildingName.localeCompare(b.buildingName, 'zh') ||
          a.roomLabel.localeCompare(b.roomLabel, 'zh'),
      );
    return { total: due.length, items: due.slice(0, DUE_LIST_LIMIT) };
  }
}
