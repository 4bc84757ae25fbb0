import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, UploadDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { ImageUploadInterceptor } from './image-upload.interceptor';
import { UploadsService } from './uploads.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Implements(Endpoints.api.upload)
  @Post()
  @Roles(Role.Resident, Role.Assistant, Role.Supervisor)
  @ApiBearerAuth()
  @UseInterceptors(ImageUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Upload one photo (JPEG, PNG or WebP, at most 10 MB)' })
  upload(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<UploadDto> {
    return this.uploads.store(user, file);
  }

  @Implements(Endpoints.api.uploadFile)
  @Get(':id')
  @Public(
    'The URL signature (exp + sig, HMAC with the server secret) is the credential, so <img> tags can load photos.',
  )
  @ApiOperation({ summary: 'A photo, by the signed URL returned at upload or in a ticket' })
  download(
    @Param('id') id: string,
    @Query('exp') exp?: string,
    @Query('sig') sig?: string,
  ): Promise<StreamableFile> {
    return this.uploads.open(id, exp, sig);
  }
}
