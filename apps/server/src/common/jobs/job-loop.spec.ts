import { Logger } from '@nestjs/common';
import { JobLoop } from './job-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quietLogger(): Logger & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return Object.assign(Object.create(Logger.prototype) as Logger, { errors, warnings, error: (m: string) => errors.push(m), warn: (m: string) => warnings.push(m) });
}

describe('JobLoop', () => {
  it('keeps running rounds after one fails (a database outage costs rounds, not the loop)', async () => {
    const logger = quietLogger();
    const loop = new JobLoop(logger, 'round failed');
    let calls = 0;
    loop.every(5, async () => {
      calls += 1;
      if (calls === 1) throw new Error('ECONNREFUSED');
    });
    await sleep(60);
    await loop.stop(100);
    expect(calls).toBeGreaterThan(2);
    expect(logger.errors).toEqual(['round failed: Error: ECONNREFUSED']);
  });

  it('never overlaps rounds, and stop() waits for the round in flight', async () => {
    const loop = new JobLoop(quietLogger(), 'x');
    let inFlight = 0;
    let most = 0;
    let finished = 0;
    loop.every(2, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(30);
      inFlight -= 1;
      finished += 1;
    });
    await sleep(10);
    expect(await loop.stop(1000)).toBe(true);
    expect(inFlight).toBe(0);
    expect(most).toBe(1);
    const after = finished;
    await sleep(20);
    expect(finished).toBe(after); // no round after stop
    expect(loop.stopping).toBe(true);
  });

  it('gives up waiting after the bound', async () => {
    const logger = quietLogger();
    const loop = new JobLoop(logger, 'x');
    loop.every(2, () => sleep(500));
    await sleep(10);
    const started = Date.now();
    expect(await loop.stop(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(300);
    expect(logger.warnings).toHaveLength(1);
  });

  it('does nothing with interval 0 (timers off, as in tests)', async () => {
    const loop = new JobLoop(quietLogger(), 'x');
    let calls = 0;
    loop.every(0, async () => {
      calls += 1;
    });
    await sleep(20);
    expect(calls).toBe(0);
    expect(await loop.stop(10)).toBe(true);
  });
});
