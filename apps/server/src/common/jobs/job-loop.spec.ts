import { Logger } from '@nestjs/common';
import { JobLoop } from './job-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quietLogger(): Logger & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return Object.assign(Object.create(Logger.prototype) as Logger, {
    errors,
    warnings,
    error: (m: string) => errors.push(m),
    warn: (m: string) => warnings.push(m),
  });
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
    // However slow the machine: rounds keep coming after the failed first one.
    for (let waited = 0; calls < 3 && waited < 5000; waited += 10) await sleep(10);
    await loop.stop(1000);
    expect(calls).toBeGreaterThanOrEqual(3);
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
    for (let waited = 0; inFlight === 0 && waited < 5000; waited += 2) await sleep(2);
    expect(inFlight).toBe(1);
    expect(await loop.stop(5000)).toBe(true);
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
    let started = false;
    loop.every(2, async () => {
      started = true;
      await new Promise((r) => setTimeout(r, 10_000).unref()); // never keeps Jest alive
    });
    for (let waited = 0; !started && waited < 5000; waited += 2) await sleep(2);
    const at = Date.now();
    expect(await loop.stop(50)).toBe(false);
    expect(Date.now() - at).toBeLessThan(5000);
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
