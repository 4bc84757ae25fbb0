import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, TicketPhotoDto, UploadDto } from '@linli/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Attachment } from './entities/attachment.entity';
import { isWellFormedImage, sniffImageType } from './image-type';
import { UploadUrlSigner } from './upload-url-signer';

/** Photos: stored under LINLI_DATA_DIR/uploads, served by signed URL, attached to tickets by their owner. */
@Injectable()
export class UploadsService {
  constructor(
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    private readonly unitOfWork: UnitOfWork,
    private readonly signer: UploadUrlSigner,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async store(owner: AuthUser, file: Express.Multer.File | undefined): Promise<UploadDto> {
    if (!file?.buffer?.length) throw new AppException(ErrorCode.UPLOAD_MISSING);
    const mimeType = sniffImageType(file.buffer);
    if (!mimeType || !isWellFormedImage(file.buffer, mimeType))
      throw new AppException(ErrorCode.UPLOAD_TYPE_NOT_ALLOWED);
    const now = this.clock.now();
    const id = randomUUID();
    const storageKey = `${now.toISOString().slice(0, 7)}/${id}`;
    const target = path.join(this.config.uploadsDir, storageKey);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.buffer);
    await this.unitOfWork.run((db) =>
      insertRows(db, Attachment, {
        id,
        ownerId: owner.id,
        ticketId: null,
        eventId: null,
        mimeType,
        size: file.buffer.length,
        storageKey,
        createdAt: now,
      }),
    );
    return { id, url: this.signer.url(id), mimeType, size: file.buffer.length };
  }

  /** The file behind a signed URL. A bad or expired signature is FORBIDDEN, whether or not the photo exists. */
  async open(
    id: string,
    exp: string | undefined,
    sig: string | undefined,
  ): Promise<StreamableFile> {
    if (!this.signer.isValid(id, exp, sig))
      throw new AppException(ErrorCode.FORBIDDEN, '图片链接无效或已过期');
    const attachment = await this.attachments.findOne({ where: { id } });
    if (!attachment) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    const stream = createReadStream(path.join(this.config.uploadsDir, attachment.storageKey));
    // Shown in <img> (inline) under a name of our making; nosniff (helmet) keeps browsers to the type we checked.
    const extension = attachment.mimeType.split('/')[1];
    return new StreamableFile(stream, {
      type: attachment.mimeType,
      length: attachment.size,
      disposition: `inline; filename="${attachment.id}.${extension}"`,
    });
  }

  /** Inside the caller's transaction: attach the owner's free photos to a ticket, or fail with UPLOAD_NOT_FOUND. */
  async attachToTicket(
    db: EntityManager,
    ownerId: string,
    photoIds: string[],
    ticketId: string,
    eventId: string | null,
  ): Promise<void> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0) return;
    const result = await db.update(
      Attachment,
      { id: In(ids), ownerId, ticketId: IsNull() },
      { ticketId, eventId },
    );
    if (result.affected !== ids.length) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
  }

  async photosOf(ticketId: string): Promise<TicketPhotoDto[]> {
    const rows = await this.attachments.find({
      where: { ticketId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((a) => ({ id: a.id, url: this.signer.url(a.id), eventId: a.eventId }));
  }
}
