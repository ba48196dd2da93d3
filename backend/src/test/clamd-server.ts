import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The EICAR test string: every scanner flags it, and it harms nothing. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export interface TestClamd {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.end("zPING\0"));
    let reply = "";
    socket.on("data", (data) => {
      reply += data.toString();
    });
    socket.on("end", () => resolve(reply.startsWith("PONG")));
    socket.on("error", () => resolve(false));
  });
}

/**
 * Debian's clamd on a free port, with one signature made here by sigtool for the EICAR string
 * anywhere in a file (an .ndb body signature): there is no network for the public database.
 */
export async function startTestClamd(): Promise<TestClamd> {
  const dir = await mkdtemp(path.join(tmpdir(), "clamd-"));
  const db = path.join(dir, "db");
  execFileSync("mkdir", ["-p", db]);
  const hex = execFileSync("sigtool", ["--hex-dump"], { input: EICAR }).toString().trim();
  await writeFile(path.join(db, "eicar.ndb"), `Eicar-Test-Signature-Local:0:*:${hex}\n`);
  const port = await freePort();
  const config = path.join(dir, "clamd.conf");
  await writeFile(
    config,
    [
      `DatabaseDirectory ${db}`,
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      "Foreground yes",
      // At least UPLOAD_MAX_BYTES: clamd refuses longer streams.
      "StreamMaxLength 30M",
      `LogFile ${path.join(dir, "clamd.log")}`,
      `PidFile ${path.join(dir, "clamd.pid")}`,
    ].join("\n"),
  );
  const child: ChildProcess = spawn("clamd", ["-c", config], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; attempt < 300 && !(await pong(port)); attempt += 1) {
    if (child.exitCode !== null) throw new Error(`clamd exited (${child.exitCode}); see ${dir}/clamd.log`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await pong(port))) throw new Error("clamd did not answer PING within 30 s");
  return {
    url: `tcp://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
