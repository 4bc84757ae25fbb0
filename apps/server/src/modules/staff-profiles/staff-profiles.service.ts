import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import {
  AssistantCardDto,
  ErrorCode,
  StaffProfileDto,
  UpdateStaffProfileRequest,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { ClockService } from '../clock/clock.service';
import { DutyShift } from '../duty/entities/duty-shift.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { UploadUrlSigner } from '../uploads/upload-url-signer';
import { StaffProfile } from './entities/staff-profile.entity';

/** How far ahead a resident sees their assistant's shifts. */
const SHIFTS_AHEAD_DAYS = 7;

/** The assistant's card: what staff show residents about themselves, and the cards of a building. */
@Injectable()
export class StaffProfiles {
  constructor(
    @InjectRepository(StaffProfile) private readonly profiles: Repository<StaffProfile>,
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    @InjectRepository(AssistantBuilding)
    private readonly assistantBuildings: Repository<AssistantBuilding>,
    @InjectRepository(DutyShift) private readonly shifts: Repository<DutyShift>,
    private readonly signer: UploadUrlSigner,
    private readonly clock: ClockService,
  ) {}

  async mine(user: AuthUser): Promise<StaffProfileDto> {
    return this.present(await this.profiles.findOne({ where: { userId: user.id } }));
  }

  /** Changes only what the request names; the photo must be the caller's own upload, not on a ticket. */
  async update(user: AuthUser, req: UpdateStaffProfileRequest): Promise<StaffProfileDto> {
    const current = await this.profiles.findOne({ where: { userId: user.id } });
    if (req.photoId) {
      const own = await this.attachments.exists({
        where: { id: req.photoId, ownerId: user.id, ticketId: IsNull() },
      });
      if (!own) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    }
    const row: StaffProfile = {
      userId: user.id,
      photoId: req.photoId !== undefined ? req.photoId : (current?.photoId ?? null),
      specialities:
        req.specialities !== undefined
          ? [...new Set(req.specialities)]
          : (current?.specialities ?? []),
      servicePhone:
        req.servicePhone !== undefined ? req.servicePhone || null : (current?.servicePhone ?? null),
      intro: req.intro !== undefined ? req.intro || null : (current?.intro ?? null),
      updatedAt: this.clock.now(),
    };
    await this.profiles.save(row);
    return this.present(row);
  }

  /** The cards of a building's assistants, with whether each is on duty now and their coming shifts there. */
  async cardsOf(buildingId: string): Promise<AssistantCardDto[]> {
    const links = await this.assistantBuildings.find({
      where: { buildingId },
      relations: { user: true },
    });
    const people = links.flatMap((l) => (l.user ? [l.user] : []));
    if (people.length === 0) return [];
    const ids = people.map((p) => p.id);
    const now = this.clock.now();
    const [profiles, shifts] = await Promise.all([
      this.profiles.find({ where: { userId: In(ids) } }),
      this.shifts.find({
        where: {
          buildingId,
          assistantId: In(ids),
          endsAt: MoreThan(now),
          startsAt: LessThan(new Date(now.getTime() + SHIFTS_AHEAD_DAYS * 86_400_000)),
        },
        order: { startsAt: 'ASC' },
      }),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.userId, p]));
    return people.map((person) => {
      const profile = profileOf.get(person.id);
      const own = shifts.filter((s) => s.assistantId === person.id);
      return {
        id: person.id,
        name: person.name,
        phone: profile?.servicePhone ?? person.phone,
        photoUrl: profile?.photoId ? this.signer.url(profile.photoId) : null,
        specialities: profile?.specialities ?? [],
        intro: profile?.intro ?? null,
        onDutyNow: own.some((s) => s.startsAt.getTime() <= now.getTime()),
        shifts: own.map((s) => ({
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        })),
      };
    });
  }

  private present(row: StaffProfile | null): StaffProfileDto {
    return {
      photoId: row?.photoId ?? null,
      photoUrl: row?.photoId ? this.signer.url(row.photoId) : null,
      specialities: row?.specialities ?? [],
      servicePhone: row?.servicePhone ?? null,
      intro: row?.intro ?? null,
    };
  }
}
