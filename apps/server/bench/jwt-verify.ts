/**
 * Benchmark: verifying a session token (HS256) with the secret as a string, as the server did, against
 * the secret as a KeyObject, as it does now. With a string, jsonwebtoken first tries createPublicKey on
 * it and only after that throws uses it as a secret: an exception on every authenticated request.
 *
 *   pnpm --filter @linli/server bench:jwt      (writes bench/results/jwt-verify.md)
 */
import { createSecretKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';

const SECRET = 'linli-bench-secret-0123456789abcdefghijklmnop';
const N = Number(process.env.BENCH_N ?? 20000);
const RUNS = 7;

// The JwtService the server uses (@nestjs/jwt over jsonwebtoken), configured both ways.
const withString = new JwtService({
  secret: SECRET,
  signOptions: { algorithm: 'HS256' },
  verifyOptions: { algorithms: ['HS256'] },
});
const withKey = new JwtService({
  secret: createSecretKey(Buffer.from(SECRET, 'utf8')),
  signOptions: { algorithm: 'HS256' },
  verifyOptions: { algorithms: ['HS256'] },
});
const token = withString.sign({ sub: 'bench-user', iat: 1, exp: 4102444800 });

function microsPerVerify(service: JwtService): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) service.verify(token);
  return Number(process.hrtime.bigint() - start) / N / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const asString: number[] = [];
const asKey: number[] = [];
for (let r = 0; r < RUNS; r++) {
  asString.push(microsPerVerify(withString));
  asKey.push(microsPerVerify(withKey));
}
const s = median(asString);
const k = median(asKey);
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
const report = `# Benchmark: verifying a session token

Run: \`pnpm --filter @linli/server bench:jwt\` (${new Date().toISOString().slice(0, 10)}), Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'},
load average ${os.loadavg()[0].toFixed(1)} (the machine is shared: read the ratio). ${N.toLocaleString('en')} verifies per run, ${RUNS} runs interleaved, medians.

| secret given to JwtService | µs per verify (median) | runs |
| --- | --- | --- |
| string (before) | ${s.toFixed(1)} | ${fmt(asString)} |
| KeyObject (\`createSecretKey\`, now) | ${k.toFixed(1)} | ${fmt(asKey)} |

Ratio: a string secret costs **${(s / k).toFixed(0)}×** a KeyObject per verify. Every authenticated request verifies one
token, so this is CPU the server spent on each request before (apps/server/src/modules/auth/auth.module.ts).
`;
writeFileSync(path.join(__dirname, 'results/jwt-verify.md'), report);
process.stdout.write(report);
