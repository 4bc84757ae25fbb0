import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Attachment } from './entities/attachment.entity';
import { UploadUrlSigner } from './upload-url-signer';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Attachment])],
  controllers: [UploadsController],
  providers: [UploadsService, UploadUrlSigner],
  exports: [UploadsService, UploadUrlSigner],
})
export class UploadsModule {}
