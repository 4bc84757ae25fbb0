export interface HealthDto {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  time: string;
}

/** GET /api/health/live: the process is up and answering (restart it if not). */
export interface LivenessDto {
  status: 'ok';
}

/** GET /api/health/ready: may this instance take traffic? 503 unless the database answers and no migration is pending. */
export interface ReadinessDto {
  status: 'ready' | 'not_ready';
  database: 'up' | 'down';
  migrations: 'current' | 'pending' | 'unknown';
}

/** GET/PUT /api/test-clock (non-production only). */
export interface ClockDto {
  now: string;
  /** Milliseconds the test clock is ahead of the real clock. */
  offsetMs: number;
  frozen: boolean;
}

export interface SetClockRequest {
  /** Set the clock to this ISO-8601 instant… */
  now?: string;
  /** …or advance it by this many minutes. */
  advanceMinutes?: number;
  /** Stop the clock at the set instant (tests) or let it run from there. */
  freeze?: boolean;
}

export interface UploadDto {
  id: string;
  url: string;
  mimeType: string;
  size: number;
}

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
