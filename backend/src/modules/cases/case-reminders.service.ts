import type { AppContext } from "../../context.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { findTasksToRemind, markTaskReminded } from "./case-activity.repository.ts";

const BATCH = 200;

/**
 * Reminds the assignee of every overdue open task, at most once per task per UTC day. The reminder
 * goes through the notification queue, which honours the assignee's preferences. Safe to run
 * concurrently or twice: the day's claim on the task row decides who sends.
 */
export async function remindOverdueTasks(ctx: AppContext, now: Date = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let reminded = 0;
  for (;;) {
    const due = await findTasksToRemind(ctx.db, now, today, BATCH);
    for (const task of due) {
      const sent = await ctx.db.transaction(async (tx) => {
        if (!(await markTaskReminded(tx, task.id, today))) return false;
        await enqueueNotification(ctx, tx, {
          userId: task.assigneeId,
          type: "reminder",
          title: "Task overdue",
          body: `"${task.title}" on case ${task.caseNumber} was due ${task.dueAt.toISOString().slice(0, 10)}.`,
          data: { kind: "case_task_overdue", caseId: task.caseId, taskId: task.id },
          dedupeKey: `reminder:task:${task.id}:${today}`,
        });
        return true;
      });
      if (sent) reminded += 1;
    }
    if (due.length < BATCH) return reminded;
  }
}
