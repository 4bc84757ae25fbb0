import { Inject, Injectable } from '@nestjs/common';
import { ApiRoutes } from '@linli/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';

/**
 * Photo URLs an <img> tag can load without headers: /api/uploads/:id?exp=…&sig=…, where sig is an
 * HMAC of id and expiry with the server's secret. The signature is the credential.
 */
@Injectable()
export class UploadUrlSigner {
  constructor(
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  url(id: string): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + this.config.uploadUrlTtlSeconds;
    return `${ApiRoutes.upload(id)}?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  isValid(id: string, exp: string | undefined, sig: string | undefined): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
    if (Number(exp) * 1000 < this.clock.now().getTime()) return false;
    const expected = Buffer.from(this.sign(id, Number(exp)));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(id: string, exp: number): string {
    return createHmac('sha256', this.config.jwt.secret)
      .update(`upload:${id}:${exp}`)
      .digest('base64url');
  }
}
