import type { UserPreferences } from "@referral-app/shared/schemas/user";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";

// PGlite and node-postgres both answer `{ rows }` from execute.
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export interface DigestCandidate {
  conversationId: string;
  userId: string;
}

/**
 * Participants with a message from someone else unread since before `cutoff`, not yet covered by a
 * digest since they last read. Only conversations active in the last two days are looked at (the job
 * runs every minute; anything older was digested long ago).
 */
export async function findDigestCandidates(
  db: DbOrTx,
  cutoff: Date,
  limit: number,
): Promise<DigestCandidate[]> {
  const result = await db.execute(sql`
    select p.conversation_id as "conversationId", p.user_id as "userId"
    from conversation_participants p
    join conversations c on c.id = p.conversation_id
    where c.last_activity_at > ${iso(cutoff)}::timestamptz - interval '2 days'
      and (p.digested_up_to is null or p.digested_up_to <= coalesce(p.last_read_at, '-infinity'))
      and exists (
        select 1 from messages m
        where m.conversation_id = p.conversation_id and m.deleted_at is null
          and m.sender_id is distinct from p.user_id
          and m.created_at > coalesce(p.last_read_at, '-infinity')
          and m.created_at <= ${iso(cutoff)}::timestamptz)
    limit ${limit}`);
  return rowsOf<DigestCandidate>(result);
}

export interface ClaimedDigest {
  email: string;
  name: string;
  role: string;
  preferences: UserPreferences | null;
  type: string;
  subject: string | null;
  caseNumber: string | null;
  unread: { senderName: string | null; body: string; createdAt: string }[];
  count: number;
}

/**
 * Claims the digest for one participant: moves `digested_up_to` to their newest unread message in
 * the same statement that checks it is still due, so two runs at once send one e-mail. Answers what
 * the e-mail needs, or null when someone else claimed it (or they read meanwhile).
 */
export async function claimDigest(
  db: DbOrTx,
  candidate: DigestCandidate,
  cutoff: Date,
): Promise<ClaimedDigest | null> {
  const claimed = await db.execute(sql`
    update conversation_participants p
    set digested_up_to = (
      select max(m.created_at) from messages m
      where m.conversation_id = p.conversation_id and m.deleted_at is null
        and m.sender_id is distinct from p.user_id
        and m.created_at > coalesce(p.last_read_at, '-infinity'))
    where p.conversation_id = ${candidate.conversationId} and p.user_id = ${candidate.userId}
      and (p.digested_up_to is null or p.digested_up_to <= coalesce(p.last_read_at, '-infinity'))
      and exists (
        select 1 from messages m
        where m.conversation_id = p.conversation_id and m.deleted_at is null
          and m.sender_id is distinct from p.user_id
          and m.created_at > coalesce(p.last_read_at, '-infinity')
          and m.created_at <= ${iso(cutoff)}::timestamptz)
    returning p.last_read_at as "lastReadAt"`);
  const [row] = rowsOf<{ lastReadAt: Date | string | null }>(claimed);
  if (!row) return null;
  const since = row.lastReadAt ? iso(row.lastReadAt) : null;
  const details = await db.execute(sql`
    select u.email, u.name, u.role, u.preferences, c.type, c.subject, cs.number as "caseNumber",
      (select count(*)::int from messages m
        where m.conversation_id = c.id and m.deleted_at is null and m.sender_id is distinct from u.id
          and (${since}::timestamptz is null or m.created_at > ${since}::timestamptz)) as count
    from users u, conversations c left join cases cs on cs.id = c.case_id
    where u.id = ${candidate.userId} and c.id = ${candidate.conversationId}`);
  const [info] = rowsOf<Omit<ClaimedDigest, "unread">>(details);
  if (!info) return null;
  const unread = await db.execute(sql`
    select s.name as "senderName", m.body, m.created_at as "createdAt"
    from messages m left join users s on s.id = m.sender_id
    where m.conversation_id = ${candidate.conversationId} and m.deleted_at is null
      and m.sender_id is distinct from ${candidate.userId}
      and (${since}::timestamptz is null or m.created_at > ${since}::timestamptz)
    order by m.created_at desc limit 5`);
  return {
    ...info,
    unread: rowsOf<{ senderName: string | null; body: string; createdAt: Date | string }>(unread)
      .reverse()
      .map((message) => ({ ...message, createdAt: iso(message.createdAt) })),
  };
}

export interface UnansweredSupport {
  id: string;
  subject: string | null;
  clientName: string | null;
  overdue: boolean;
}

/** Open support conversations whose newest message is a client's (nobody on staff answered it). */
export async function listUnansweredSupport(db: DbOrTx, now: Date): Promise<UnansweredSupport[]> {
  const result = await db.execute(sql`
    select c.id, c.subject, u.name as "clientName",
      (c.first_responded_at is null and c.first_response_due_at < ${iso(now)}::timestamptz) as overdue
    from conversations c
    left join users u on u.id = c.created_by
    join lateral (
      select s.role from messages m left join users s on s.id = m.sender_id
      where m.conversation_id = c.id and m.deleted_at is null
      order by m.created_at desc, m.id desc limit 1) last on true
    where c.type = 'support' and c.state <> 'closed' and last.role not in ('staff', 'admin')
    order by c.last_activity_at asc
    limit 500`);
  return rowsOf<UnansweredSupport>(result);
}

/** Staff who may sign in, with their language. */
export async function listActiveStaff(db: DbOrTx) {
  const result = await db.execute(sql`
    select id, email, name, preferences from users
    where role in ('staff', 'admin') and deactivated_at is null`);
  return rowsOf<{ id: string; email: string; name: string; preferences: UserPreferences | null }>(result);
}
