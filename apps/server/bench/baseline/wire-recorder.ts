import { createServer, connect, Socket } from 'node:net';

/** A loopback proxy in front of MariaDB that reads the client's MySQL packets and keeps every COM_QUERY. */
export interface Recorder {
  port: number;
  recording: string[] | null;
  close(): void;
}

export async function startRecorder(db: { host: string; port: number }): Promise<Recorder> {
  const sockets = new Set<Socket>();
  const recorder: Recorder = { port: 0, recording: null, close: () => undefined };
  const server = createServer((client) => {
    const upstream = connect(db.port, db.host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4) {
        const length = buffer.readUIntLE(0, 3);
        if (buffer.length < 4 + length) break;
        const sequence = buffer[3];
        const payload = buffer.subarray(4, 4 + length);
        // A command starts a new exchange (sequence 0); 0x03 is COM_QUERY, 0x16 COM_STMT_PREPARE.
        if (sequence === 0 && recorder.recording && (payload[0] === 0x03 || payload[0] === 0x16))
          recorder.recording.push(payload.subarray(1).toString('utf8'));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.port = (server.address() as { port: number }).port;
  recorder.close = () => {
    for (const s of sockets) s.destroy();
    server.close();
  };
  return recorder;
}
