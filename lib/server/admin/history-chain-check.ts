import "server-only";
import { randomUUID } from "node:crypto";
import { getHistoryKeyring, type HistoryKeyring } from "@/lib/server/crypto/history-keys";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import { readHistoryCheckpoints, type CheckpointState } from "@/lib/server/history/history-checkpoints";
import { deletedChains, patientsWithHistory } from "@/lib/server/history/verify-all-history-chains";
import { verifyHistoryChain } from "@/lib/server/history/verify-history-chain";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { authorize } from "@/lib/server/policy/policy";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/**
 * A broken chain by patient id and sequence, or a checkpoint that cannot be trusted by its period
 * (`checkpoint`, with no patient or sequence): ids and kinds only, never health data.
 */
export type BrokenChain = { patientId: string | null; sequence: number | null; problem: string; checkpoint?: string };

/** What the staff log page shows of a check: counts so far, and the broken chains by id and sequence. */
export type ChainCheckView = {
  id: string;
  running: boolean;
  patients: number;
  entries: number;
  brokenCount: number;
  broken: BrokenChain[];
  createdAt: Date;
  finishedAt: Date | null;
};

/** The check and its audit entry list this many broken chains at most; the counts are always whole. */
const LISTED = 50;
/** Patients checked between two saves of the cursor: the work a crash can make an instance redo. */
const PATIENTS_PER_STEP = 500;
/** A run renews its lease at every step; one silent for longer is taken to have stopped. */
const LEASE_MS = 2 * 60 * 1000;

const VIEW = { id: true, finishedAt: true, patients: true, entries: true, brokenCount: true, broken: true, createdAt: true } as const;

function toView(row: {
  id: string;
  finishedAt: Date | null;
  patients: number;
  entries: number;
  brokenCount: number;
  broken: unknown;
  createdAt: Date;
}): ChainCheckView {
  return {
    id: row.id,
    running: !row.finishedAt,
    patients: row.patients,
    entries: row.entries,
    brokenCount: row.brokenCount,
    broken: row.broken as BrokenChain[],
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * "Vérifier l'intégrité des historiques": queues a check of every patient's history chain (one at a
 * time: while a check runs, asking again shows that one). The work happens in the background
 * (runHistoryChainChecks); the staff log records the check with its result when it ends.
 */
export async function requestHistoryChainCheck({ db, ip: ipAddress }: Ctx, { staff }: { staff: StaffActor }): Promise<ChainCheckView> {
  authorize(staff.actor, "admin:audit");
  return db.$transaction(async (tx) => {
    // Two admins asking at once line up here; the second finds the first one's check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('history-chain-check', 0))`;
    const running = await tx.historyChainCheck.findFirst({ where: { finishedAt: null }, orderBy: { createdAt: "desc" }, select: VIEW });
    if (running) return toView(running);
    const created = await tx.historyChainCheck.create({
      data: {
        requestedById: staff.userId,
        requestedByRole: staff.role,
        requestedByLabel: staff.label.slice(0, 200),
        ipAddress: ipAddress?.slice(0, 64) ?? null,
      },
      select: VIEW,
    });
    // Commits with the check: a worker starts it at once; a rolled-back request leaves no job.
    await enqueueJob(tx, "history.chain_check", {}, { jobKey: "soon:history.chain_check" });
    return toView(created);
  });
}

/** The latest check, running or done, for the staff log page. */
export async function getLatestHistoryChainCheck({ db }: Ctx, { staff }: { staff: StaffActor }): Promise<ChainCheckView | null> {
  authorize(staff.actor, "admin:audit");
  const row = await db.historyChainCheck.findFirst({ orderBy: { createdAt: "desc" }, select: VIEW });
  return row ? toView(row) : null;
}

type Claimed = { id: string; cursor: string | null; patients: number; entries: number; brokenCount: number; broken: BrokenChain[] };

/**
 * Runs the checks that wait, on any instance: a check is claimed with a lease (a token and a time),
 * advanced PATIENTS_PER_STEP patients at a time from its cursor, each step saved only while the lease
 * is still ours, and finished with its staff log entry in the same transaction. An instance that
 * stops leaves the check to the next one once the lease has run out, from the last saved cursor.
 * Returns how many checks it finished.
 */
export async function runHistoryChainChecks(
  { db, storage, now: clock }: Ctx,
  {
    patientsPerStep = PATIENTS_PER_STEP,
    leaseMs = LEASE_MS,
    keyring = getHistoryKeyring(),
  }: { patientsPerStep?: number; leaseMs?: number; keyring?: HistoryKeyring } = {},
): Promise<number> {
  let finished = 0;
  for (;;) {
    const leaseToken = randomUUID();
    const now = clock();
    const [claimed] = await db.$queryRaw<Claimed[]>`
      UPDATE "HistoryChainCheck" SET "leaseToken" = ${leaseToken}::uuid, "leaseUntil" = ${new Date(now.getTime() + leaseMs)}
      WHERE "id" = (
        SELECT "id" FROM "HistoryChainCheck"
        WHERE "finishedAt" IS NULL AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "cursor", "patients", "entries", "brokenCount", "broken"`;
    if (!claimed) return finished;
    const checkpoints = await readHistoryCheckpoints(storage, keyring);
    if (!(await advance(db, claimed, { leaseToken, leaseMs, patientsPerStep, keyring, checkpoints }))) return finished;
    finished += 1;
  }
}

/** Takes a claimed check to its end; false when the lease was lost on the way (another run has it). */
async function advance(
  db: Db,
  check: Claimed,
  {
    leaseToken,
    leaseMs,
    patientsPerStep,
    keyring,
    checkpoints,
  }: { leaseToken: string; leaseMs: number; patientsPerStep: number; keyring: HistoryKeyring; checkpoints: CheckpointState },
): Promise<boolean> {
  const state = { ...check, broken: [...check.broken] };
  const addBroken = (chain: BrokenChain) => {
    state.brokenCount += 1;
    if (state.broken.length < LISTED) state.broken.push(chain);
  };
  for (;;) {
    const patientIds = await patientsWithHistory(db, { after: state.cursor, limit: patientsPerStep });
    for (const patientId of patientIds) {
      const verdict = await verifyHistoryChain(db, patientId, { keyring, checkpointed: checkpoints.heads.get(patientId) ?? null });
      state.patients += 1;
      state.entries += verdict.entries;
      if (!verdict.intact) addBroken({ patientId, sequence: verdict.brokenAtSequence, problem: verdict.problem });
    }
    state.cursor = patientIds.at(-1) ?? state.cursor;
    const done = patientIds.length < patientsPerStep;
    if (done) {
      // Saved with the end, in the same transaction: a resumed run never counts them twice.
      for (const verdict of await deletedChains(db, checkpoints)) {
        state.patients += 1;
        addBroken({ patientId: verdict.patientId, sequence: verdict.brokenAtSequence, problem: verdict.problem });
      }
      for (const { checkpoint, problem } of checkpoints.problems)
        addBroken({ patientId: null, sequence: null, problem: `CHECKPOINT_${problem}`, checkpoint });
    }
    const saved = await db.$transaction(async (tx) => {
      const { count } = await tx.historyChainCheck.updateMany({
        where: { id: check.id, leaseToken, finishedAt: null },
        data: {
          cursor: state.cursor,
          patients: state.patients,
          entries: state.entries,
          brokenCount: state.brokenCount,
          broken: state.broken,
          leaseUntil: new Date(Date.now() + leaseMs),
          ...(done ? { finishedAt: new Date(), leaseToken: null, leaseUntil: null } : {}),
        },
      });
      if (count === 0 || !done) return count === 1;
      const requester = await tx.historyChainCheck.findUniqueOrThrow({
        where: { id: check.id },
        select: { requestedById: true, requestedByRole: true, requestedByLabel: true, ipAddress: true },
      });
      await recordStaffAction(tx, {
        staff: { userId: requester.requestedById, role: requester.requestedByRole, label: requester.requestedByLabel },
        action: "HISTORY_CHAINS_VERIFIED",
        details: {
          checkId: check.id,
          patients: state.patients,
          entries: state.entries,
          broken: state.brokenCount,
          brokenChains: state.broken.map(({ patientId, sequence, checkpoint }) =>
            checkpoint ? `checkpoint ${checkpoint}` : `${patientId}#${sequence}`,
          ),
        },
        ipAddress: requester.ipAddress,
      });
      return true;
    });
    if (!saved) return false;
    if (done) return true;
  }
}
