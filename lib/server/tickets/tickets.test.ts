import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/client";
import { reportDocument } from "@/lib/server/documents/report-document";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { messages } from "@/lib/i18n/messages";
import { ticketSubjectText, type SubjectTranslator } from "@/lib/tickets/ticket-subject";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { createTranslator } from "use-intl/core";
import { answerTicket } from "./answer-ticket";
import { assignTicket } from "./assign-ticket";
import { closeOwnTicket } from "./close-own-ticket";
import { getAgentTicket } from "./get-agent-ticket";
import { getOwnTicket } from "./get-own-ticket";
import { listOwnTickets } from "./list-own-tickets";
import { listSupportAgents } from "./list-support-agents";
import { listTicketQueue } from "./list-ticket-queue";
import { openTicket } from "./open-ticket";
import { replyOwnTicket } from "./reply-own-ticket";
import { setTicketClosed } from "./set-ticket-closed";

const full = (userId: string, roles: Role[]): Actor => ({ userId, roles, stage: "FULL", hasConfirmedFactor: true });

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
}

describe("support tickets", () => {
  const db = useTestDb();
  const noDelivery = { deliver: () => {} };

  async function newUser(roles: Role[], firstName = "Léa", lastName = `Roux-${randomUUID().slice(0, 6)}`) {
    const user = await db.user.create({
      data: { email: `tickets-${randomUUID()}@test.local`, firstName, lastName, roles, status: "ACTIVE" },
      select: { id: true, email: true },
    });
    return { ...user, actor: full(user.id, roles), label: `${firstName} ${lastName}` };
  }
  const newPatient = () => newUser(["PATIENT"], "Camille");
  async function newAgent(): Promise<StaffActor & { email: string }> {
    const user = await newUser(["SUPPORT"], "Agent");
    return { userId: user.id, role: "SUPPORT", label: user.label, actor: user.actor, email: user.email };
  }
  /** Someone holding a staff-like shape without the SUPPORT role. */
  const impostor = (user: { id: string; actor: Actor; label: string }, role: Role): StaffActor => ({
    userId: user.id,
    role,
    label: user.label,
    actor: user.actor,
  });

  const open = (patient: { actor: Actor }, subject = "Je n'arrive pas à me connecter") =>
    openTicket(testCtx(db, { actor: patient.actor }), { topic: "SIGN_IN", subject, message: "Le code n'arrive pas par e-mail." });

  it("lets a patient open, list, read, reply to and close their own ticket; another patient finds nothing", async () => {
    const patient = await newPatient();
    const stranger = await newPatient();
    const first = await open(patient, "Premier problème");
    const second = await open(patient, "Second problème");
    expect(second.number).toBeGreaterThan(first.number);

    const list = await listOwnTickets(testCtx(db, { actor: patient.actor }));
    expect(list.map((row) => row.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ subject: "Second problème", status: "OPEN", topic: "SIGN_IN" });
    expect(await listOwnTickets(testCtx(db, { actor: stranger.actor }))).toEqual([]);

    const view = await getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id });
    expect(view.messages).toMatchObject([{ authorRole: "PATIENT", authorLabel: patient.label, body: "Le code n'arrive pas par e-mail." }]);

    await expectAppError(getOwnTicket(testCtx(db, { actor: stranger.actor }), { ticketId: first.id }), "NOT_FOUND");
    await expectAppError(replyOwnTicket(testCtx(db, { actor: stranger.actor }), { ticketId: first.id, message: "Intrus" }), "NOT_FOUND");
    await expectAppError(closeOwnTicket(testCtx(db, { actor: stranger.actor }), { ticketId: first.id }), "NOT_FOUND");
    await expectAppError(getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: randomUUID() }), "NOT_FOUND");
    await expectAppError(
      getOwnTicket(testCtx(db, { actor: { ...patient.actor, stage: "PASSWORD_VERIFIED" } }), { ticketId: first.id }),
      "UNAUTHENTICATED",
    );

    await replyOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id, message: "J'ai réessayé, toujours rien." });
    expect((await getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id })).messages).toHaveLength(2);
    // Last activity moves the ticket up.
    expect((await listOwnTickets(testCtx(db, { actor: patient.actor })))[0].id).toBe(first.id);

    expect(await closeOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id })).toEqual({ closed: true });
    expect((await getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id })).status).toBe("CLOSED");
    await expectAppError(
      replyOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: first.id, message: "Encore une chose" }),
      "CONFLICT",
    );
  });

  it("rejects an invalid ticket and limits how many one account opens in an hour", async () => {
    const patient = await newPatient();
    await expect(
      openTicket(testCtx(db, { actor: patient.actor }), { topic: "OTHER", subject: "x".repeat(151), message: "Bonjour" }),
    ).rejects.toThrow();
    await expect(openTicket(testCtx(db, { actor: patient.actor }), { topic: "OTHER", subject: "Objet", message: "" })).rejects.toThrow();
    await expect(
      openTicket(testCtx(db, { actor: patient.actor }), { topic: "NOPE" as never, subject: "Objet", message: "Bonjour" }),
    ).rejects.toThrow();
    for (let i = 0; i < 10; i++) await open(patient, `Demande ${i}`);
    await expectAppError(open(patient, "Une de trop"), "RATE_LIMITED");
    expect(await db.supportTicket.count({ where: { requesterId: patient.id } })).toBe(10);
  });

  it("ignores forged fields: the author's role, the status and the requester come from the server", async () => {
    const patient = await newPatient();
    const victim = await newPatient();
    const forged = {
      authorRole: "SUPPORT",
      status: "CLOSED",
      requesterId: victim.id,
      authorId: victim.id,
      assigneeId: victim.id,
      documentId: randomUUID(),
    };
    const { id } = await openTicket(testCtx(db, { actor: patient.actor }), {
      topic: "OTHER",
      subject: "Question",
      message: "Bonjour",
      ...forged,
    } as never);
    await replyOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: id, message: "Je suis le support", ...forged } as never);
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id }, include: { messages: true } });
    expect(ticket).toMatchObject({ requesterId: patient.id, status: "OPEN", assigneeId: null, documentId: null });
    expect(ticket.messages.map((message) => [message.authorRole, message.authorId])).toEqual([
      ["PATIENT", patient.id],
      ["PATIENT", patient.id],
    ]);
  });

  it("opens a ticket with a vault report: the document's id as reference, the reason in words, never the title", async () => {
    const patient = await newPatient();
    const title = `Compte rendu opératoire confidentiel ${randomUUID()}`;
    const document = await db.document.create({
      data: { ownerId: patient.id, title, category: "REPORT", documentDate: new Date("2026-01-10"), authorKind: "PATIENT" },
      select: { id: true },
    });
    const reported = await reportDocument(testCtx(db, { actor: patient.actor, ip: null }), {
      documentId: document.id,
      reason: "DUPLICATE",
    });
    const withMessage = await reportDocument(testCtx(db, { actor: patient.actor, ip: null }), {
      documentId: document.id,
      reason: "NOT_MINE",
      message: "Ce n'est pas mon nom.",
    });

    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: reported.ticketId }, include: { messages: true } });
    expect(ticket).toMatchObject({
      number: reported.ticketNumber,
      requesterId: patient.id,
      topic: "DOCUMENT",
      documentId: document.id,
      documentReportId: reported.id,
      status: "OPEN",
    });
    expect(ticket.subject).toBe("Signalement d'un document : Document en double");
    expect(ticket.messages).toMatchObject([{ authorRole: "PATIENT", body: "Signalement envoyé sans précision." }]);
    const other = await db.supportTicket.findUniqueOrThrow({ where: { id: withMessage.ticketId }, include: { messages: true } });
    expect(other.messages[0].body).toBe("Ce n'est pas mon nom.");

    const agent = await newAgent();
    const agentView = await getAgentTicket(testCtx(db), { staff: agent, ticketId: reported.ticketId });
    expect(agentView.documentId).toBe(document.id);
    for (const seen of [ticket, other, agentView, await getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: other.id })]) {
      expect(JSON.stringify(seen)).not.toContain("confidentiel");
    }
    expect(JSON.stringify(await listTicketQueue(testCtx(db), { staff: agent, query: { status: "all" }, take: 200 }))).not.toContain(title);
  });

  it("gives the app's own subjects in each reader's language, and a person's subject or an older row's as stored", async () => {
    const reader = (locale: "fr" | "en") => createTranslator({ locale, messages: messages[locale] }) as unknown as SubjectTranslator;
    const patient = await newPatient();
    const document = await db.document.create({
      data: { ownerId: patient.id, title: "Radio", category: "IMAGING", documentDate: new Date("2026-01-10"), authorKind: "PATIENT" },
      select: { id: true },
    });
    const reported = await reportDocument(testCtx(db, { actor: patient.actor, ip: null }), {
      documentId: document.id,
      reason: "WRONG_CONTENT",
    });
    const typed = await open(patient, "Ma question sur la connexion");
    const older = await open(patient, "Signalement d'un document : Document en double");

    const agent = await newAgent();
    const queue = (await listTicketQueue(testCtx(db), { staff: agent, query: { status: "all" }, take: 200 })).rows;
    const row = (id: string) => queue.find((ticket) => ticket.id === id)!;
    // The French patient's report, read by an English-speaking agent, and by the patient in either language.
    expect(ticketSubjectText(reader("en"), row(reported.ticketId))).toBe("Document report: The content is wrong");
    expect(
      ticketSubjectText(
        reader("fr"),
        (await listOwnTickets(testCtx(db, { actor: patient.actor }))).find((ticket) => ticket.id === reported.ticketId)!,
      ),
    ).toBe("Signalement d'un document : Le contenu est erroné");
    expect(ticketSubjectText(reader("en"), await getAgentTicket(testCtx(db), { staff: agent, ticketId: reported.ticketId }))).toBe(
      "Document report: The content is wrong",
    );
    expect(ticketSubjectText(reader("en"), row(typed.id))).toBe("Ma question sur la connexion");
    expect(ticketSubjectText(reader("en"), row(older.id))).toBe("Signalement d'un document : Document en double");
    // A key from a later version, or values that no longer read, fall back to the stored text.
    expect(ticketSubjectText(reader("en"), { subject: "Texte", subjectKey: "laterKind", subjectValues: {} })).toBe("Texte");
    expect(ticketSubjectText(reader("en"), { subject: "Texte", subjectKey: "documentReport", subjectValues: { reason: "GONE" } })).toBe(
      "Texte",
    );
  });

  it("lets an agent filter the queue, assign, answer (alert and e-mail without the text) and close; the patient's reply reopens", async () => {
    const patient = await newPatient();
    const agent = await newAgent();
    const colleague = await newAgent();
    const { id, number } = await open(patient, `File d'attente ${randomUUID().slice(0, 8)}`);
    const older = await open(patient, "Plus ancienne");
    await db.supportTicket.update({ where: { id: older.id }, data: { lastMessageAt: new Date(Date.now() - 3_600_000) } });

    const queued = (query: Record<string, string>) =>
      listTicketQueue(testCtx(db), { staff: agent, query: query, take: 500 }).then((page) => page.rows.map((row) => row.id));
    expect(await queued({ status: "open", assigned: "unassigned" })).toContain(id);
    expect(await queued({ status: "open", assigned: "mine" })).not.toContain(id);
    expect(await queued({ status: "answered" })).not.toContain(id);
    const openRows = await queued({ status: "open" });
    expect(openRows.indexOf(id)).toBeLessThan(openRows.indexOf(older.id));

    expect((await listSupportAgents(testCtx(db), { staff: agent })).map((a) => a.id)).toEqual(
      expect.arrayContaining([agent.userId, colleague.userId]),
    );
    expect((await listSupportAgents(testCtx(db), { staff: agent })).map((a) => a.id)).not.toContain(patient.id);
    await expectAppError(assignTicket(testCtx(db), { staff: agent, ticketId: id, assigneeId: patient.id }), "BAD_REQUEST");
    expect(await assignTicket(testCtx(db), { staff: agent, ticketId: id, assigneeId: agent.userId })).toEqual({ changed: true });
    expect(await assignTicket(testCtx(db), { staff: agent, ticketId: id, assigneeId: agent.userId })).toEqual({ changed: false });
    expect(await queued({ status: "open", assigned: "mine" })).toContain(id);
    expect(await queued({ status: "open", assigned: "unassigned" })).not.toContain(id);
    await assignTicket(testCtx(db), { staff: agent, ticketId: id, assigneeId: colleague.userId });
    expect((await getAgentTicket(testCtx(db), { staff: agent, ticketId: id })).assignee).toEqual({
      id: colleague.userId,
      name: colleague.label,
    });
    await assignTicket(testCtx(db), { staff: agent, ticketId: id, assigneeId: "" });
    expect((await getAgentTicket(testCtx(db), { staff: agent, ticketId: id })).assignee).toBeNull();

    const replyText = `Essayez le code de secours ${randomUUID()}`;
    const delivered: string[] = [];
    await answerTicket(
      testCtx(db, { ip: "10.0.0.9" }),
      { staff: agent, ticketId: id, message: replyText },
      { deliver: (messageId) => delivered.push(messageId) },
    );
    const answered = await getOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: id });
    expect(answered.status).toBe("ANSWERED");
    expect(answered.messages.at(-1)).toMatchObject({ authorRole: "SUPPORT", body: replyText });
    expect(await queued({ status: "answered" })).toContain(id);
    expect(
      await db.notification.findMany({
        where: { userId: patient.id },
        select: { kind: true, actorLabel: true, historyEntryId: true, ticketId: true },
      }),
    ).toEqual([{ kind: "TICKET_REPLY", actorLabel: "Support", historyEntryId: null, ticketId: id }]);
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: patient.email }, orderBy: { createdAt: "desc" } });
    expect(delivered).toEqual([mail.id]);
    expect(mail.subject).toBe(`Le support a répondu à votre demande n° ${number}`);
    expect(mail.body).toContain(`/support/${id}`);
    expect(`${mail.subject} ${mail.body}`).not.toContain(replyText);

    await replyOwnTicket(testCtx(db, { actor: patient.actor }), { ticketId: id, message: "Merci, ça marche." });
    expect((await getAgentTicket(testCtx(db), { staff: agent, ticketId: id })).status).toBe("OPEN");

    expect(await setTicketClosed(testCtx(db), { staff: agent, ticketId: id, closed: true })).toEqual({ changed: true });
    expect(await setTicketClosed(testCtx(db), { staff: agent, ticketId: id, closed: true })).toEqual({ changed: false });
    await expectAppError(answerTicket(testCtx(db), { staff: agent, ticketId: id, message: "Après fermeture" }, noDelivery), "CONFLICT");
    expect(await queued({ status: "closed" })).toContain(id);
    await setTicketClosed(testCtx(db), { staff: agent, ticketId: id, closed: false });
    expect((await getAgentTicket(testCtx(db), { staff: agent, ticketId: id })).status).toBe("OPEN");

    const audit = await db.staffAuditEntry.findMany({ where: { ticketId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "TICKET_ASSIGNED",
      "TICKET_ASSIGNED",
      "TICKET_ASSIGNED",
      "TICKET_REPLIED",
      "TICKET_CLOSED",
      "TICKET_REOPENED",
    ]);
    for (const entry of audit)
      expect(entry).toMatchObject({ actorId: agent.userId, actorRole: "SUPPORT", targetUserId: patient.id, targetLabel: patient.label });
    expect(audit[0].details).toMatchObject({ assigneeId: agent.userId, assigneeLabel: agent.label });
    expect(audit[1].details).toMatchObject({ assigneeId: colleague.userId });
    expect(audit[2].details).toMatchObject({ assigneeId: null });
    expect(audit[3].ipAddress).toBe("10.0.0.9");
    expect(JSON.stringify(audit)).not.toContain(replyText);
  });

  it("pages the queue by last activity without repeating or skipping a ticket", async () => {
    const patient = await newPatient();
    const agent = await newAgent();
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push((await open(patient, `Page ${i}`)).id);
    await db.supportTicket.updateMany({ where: { id: { in: mine } }, data: { assigneeId: agent.userId } });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listTicketQueue(testCtx(db), { staff: agent, query: { status: "open", assigned: "mine", after }, take: 2 });
      seen.push(...page.rows.map((row) => row.id));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual([...mine].reverse());
  });

  it("refuses every agent service to a patient and a curator, whatever they claim to be", async () => {
    const patient = await newPatient();
    const curatorUser = await newUser(["CURATOR"]);
    const { id } = await open(patient);
    for (const staff of [impostor(patient, "SUPPORT"), impostor(curatorUser, "SUPPORT")]) {
      const context = { staff };
      await expectAppError(listTicketQueue(testCtx(db), { ...context, query: {} }), "FORBIDDEN");
      await expectAppError(getAgentTicket(testCtx(db), { ...context, ticketId: id }), "FORBIDDEN");
      await expectAppError(listSupportAgents(testCtx(db), context), "FORBIDDEN");
      await expectAppError(assignTicket(testCtx(db), { ...context, ticketId: id, assigneeId: staff.userId }), "FORBIDDEN");
      await expectAppError(answerTicket(testCtx(db), { ...context, ticketId: id, message: "Réponse" }, noDelivery), "FORBIDDEN");
      await expectAppError(setTicketClosed(testCtx(db), { ...context, ticketId: id, closed: true }), "FORBIDDEN");
    }
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id }, include: { messages: true } });
    expect(ticket).toMatchObject({ status: "OPEN", assigneeId: null });
    expect(ticket.messages).toHaveLength(1);
    expect(await db.staffAuditEntry.count({ where: { ticketId: id } })).toBe(0);
  });
});
