import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";
import { waitForMail } from "./support/mailbox";

/**
 * Support tickets both ways, through the real pages: a patient writes from "Contacter le support", an
 * agent takes the ticket from the queue and answers, the patient is alerted and answers back, the agent
 * closes. And a problem reported on a vault document reaches the agent as its reference alone.
 */

const pngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** A support agent with a name of their own, signed in within their own browser context. */
async function newAgent(browser: Browser) {
  const account = await createAccount({ roles: ["SUPPORT"] });
  const lastName = `Agent-${randomUUID().slice(0, 6)}`;
  await e2eDb().user.update({ where: { id: account.id }, data: { firstName: "Alex", lastName }, select: { id: true } });
  const context = await browser.newContext({ baseURL: E2E_APP_URL });
  await signInAs(context, account);
  return { account, name: `Alex ${lastName}`, page: await context.newPage(), close: () => context.close() };
}

const ticketIdIn = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

test("a patient's request goes to an agent and back until the agent closes it", async ({ page, context, browser }) => {
  test.setTimeout(120_000);
  const patient = await createAccount();
  await signInAs(context, patient);
  const subject = `Code de connexion introuvable ${randomUUID().slice(0, 6)}`;

  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1, name: "Contacter le support" })).toBeVisible();
  await expect(page.getByText("Vous n'avez encore fait aucune demande.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nouvelle demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle demande au support" })).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveAccessibleDescription(
    /N'écrivez aucune information de santé .* ne joignez jamais de document/,
  );
  // A missing topic is said at the field, and nothing typed is lost.
  await page.getByLabel("Objet").fill(subject);
  await page.getByLabel("Message").fill("Je ne reçois pas le code par e-mail depuis hier.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Choisissez un thème.")).toBeVisible();
  await expect(page.getByLabel("Objet")).toHaveValue(subject);
  await expectAccessible(page);
  await page.getByLabel("Thème").selectOption({ label: "Connexion" });
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page).toHaveURL(/\/support\/[0-9a-f-]{36}$/);
  const ticketId = ticketIdIn(page);
  const number = (await e2eDb().supportTicket.findUniqueOrThrow({ where: { id: ticketId }, select: { number: true } })).number;
  await expect(page.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
  await expect(page.getByTestId("ticket-status")).toHaveText("En attente du support");
  await expectAccessible(page);

  // The agent finds it among the unassigned open requests, takes it and answers.
  const agent = await newAgent(browser);
  const reply = "Vérifiez votre dossier de courrier indésirable, puis demandez un nouveau code.";
  try {
    await agent.page.goto("/admin/tickets?status=open&assigned=unassigned");
    await expect(agent.page.getByRole("heading", { level: 1, name: "Demandes d'assistance" })).toBeVisible();
    const row = agent.page.getByTestId("queue-row").filter({ hasText: subject });
    await expect(row).toContainText(`n° ${number}`);
    await expect(row).toContainText("Camille Essai");
    await expect(row).toContainText("Connexion");
    await expectAccessible(agent.page);
    await row.getByRole("link", { name: subject }).click();
    await expect(agent.page.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
    await expect(agent.page.getByRole("link", { name: "Voir le compte de Camille Essai" })).toHaveAttribute(
      "href",
      `/admin/comptes/${patient.id}`,
    );
    await expect(agent.page.getByText(patient.email)).toBeVisible();
    await expectAccessible(agent.page);
    await agent.page.getByRole("button", { name: "M'attribuer la demande" }).click();
    await expect(agent.page.getByTestId("ticket-assignee")).toHaveText(agent.name);
    await agent.page.goto("/admin/tickets?status=open&assigned=mine");
    await expect(agent.page.getByTestId("queue-row").filter({ hasText: subject })).toContainText(agent.name);
    await agent.page.goto(`/admin/tickets/${ticketId}`);
    await agent.page.getByLabel("Réponse", { exact: true }).fill(reply);
    await agent.page.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(agent.page.getByTestId("ticket-message").last()).toContainText(reply);
    await expect(agent.page.getByTestId("ticket-status")).toHaveText("Répondue");
    await expect(agent.page.getByTestId("ticket-message").last()).toContainText(agent.name);

    // The patient: an e-mail that says only that support answered, the alert, the answer in the space.
    const mail = await waitForMail(patient.email, { subject: new RegExp(`Le support a répondu à votre demande n° ${number}`) });
    expect(mail.text).toContain(`/support/${ticketId}`);
    expect(mail.text).not.toContain("courrier indésirable");
    await page.goto("/support");
    await expect(page.getByTestId("ticket-row").filter({ hasText: subject })).toContainText("Répondue");
    await page.goto("/alertes");
    const alert = page.getByTestId("alert").filter({ hasText: "Le support a répondu à votre demande." });
    await expect(alert).toBeVisible();
    await expectAccessible(page);
    // The alert opens that conversation, not the list.
    await alert.getByRole("link", { name: "Lire la réponse du support" }).click();
    await expect(page).toHaveURL(new RegExp(`/support/${ticketId}$`));
    await expect(page.getByTestId("ticket-message").last()).toContainText(reply);
    await expect(page.getByTestId("ticket-message").last()).toContainText("Le support");
    await expect(page.getByTestId("ticket-message").last()).not.toContainText(agent.name);
    await page.getByLabel("Votre message").fill("C'était bien dans les indésirables, merci !");
    await page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(page.getByTestId("vault-announcer")).toHaveText("Votre message est envoyé au support.");
    await expect(page.getByTestId("ticket-message").last()).toContainText("C'était bien dans les indésirables");
    await expect(page.getByTestId("ticket-status")).toHaveText("En attente du support");

    // The agent sees the answer and closes the request.
    await agent.page.reload();
    await expect(agent.page.getByTestId("ticket-message").last()).toContainText("C'était bien dans les indésirables");
    await expect(agent.page.getByTestId("ticket-status")).toHaveText("En attente du support");
    await agent.page.getByRole("button", { name: "Fermer la demande" }).click();
    await expect(agent.page.getByTestId("ticket-status")).toHaveText("Fermée");
    await expect(agent.page.getByRole("button", { name: "Rouvrir la demande" })).toBeVisible();
    await expectAccessible(agent.page);
    const audit = await e2eDb().staffAuditEntry.findMany({
      where: { ticketId },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, targetUserId: true },
    });
    expect(audit).toEqual(
      ["TICKET_ASSIGNED", "TICKET_REPLIED", "TICKET_CLOSED"].map((action) => ({
        action,
        actorId: agent.account.id,
        targetUserId: patient.id,
      })),
    );
  } finally {
    await agent.close();
  }

  await page.reload();
  await expect(page.getByTestId("ticket-status")).toHaveText("Fermée");
  await expect(page.getByText("Cette demande est fermée.")).toBeVisible();
  await expect(page.getByLabel("Votre message")).toHaveCount(0);
});

test("a problem reported on a vault document reaches support as the document's reference, never its title", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(90_000);
  const patient = await createAccount();
  await signInAs(context, patient);
  const title = `Compte rendu confidentiel ${randomUUID().slice(0, 6)}`;
  const uploaded = await context.request.post("/api/uploads", {
    data: pngBytes,
    headers: {
      "Content-Type": "application/octet-stream",
      Origin: E2E_APP_URL,
      "X-File-Name": encodeURIComponent("compte-rendu.png"),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": "REPORT",
      "X-Document-Date": "2026-03-12",
    },
  });
  expect(uploaded.status()).toBe(201);
  const documentId = ((await uploaded.json()) as { id: string }).id;

  await page.goto(`/documents/${documentId}`);
  await page.getByLabel("Motif").selectOption({ label: "Document en double" });
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: "Merci, votre signalement a été transmis au support." });
  await expect(confirmation).toContainText(/Votre demande n° \d+ est ouverte/);
  const number = Number((await confirmation.textContent())!.match(/n° (\d+)/)![1]);
  await confirmation.getByRole("link", { name: "suivre la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
  const ticketId = ticketIdIn(page);
  await expect(page.getByTestId("ticket-document")).toContainText(`Document concerné : référence ${documentId.slice(0, 8)}`);
  await expect(page.getByTestId("ticket-document").getByRole("link", { name: "Voir le document" })).toHaveAttribute(
    "href",
    `/documents/${documentId}`,
  );
  await expect(page.getByText("Signalement d'un document : Document en double")).toBeVisible();

  const agent = await newAgent(browser);
  try {
    await agent.page.goto("/admin/tickets?status=open&assigned=unassigned");
    const row = agent.page.getByTestId("queue-row").filter({ hasText: `n° ${number}` });
    await expect(row).toContainText("Signalement d'un document : Document en double");
    await expect(row).toContainText("Un document");
    await row.getByRole("link").click();
    await expect(agent.page).toHaveURL(new RegExp(`/admin/tickets/${ticketId}$`));
    await expect(agent.page.getByTestId("ticket-document")).toContainText(`Document concerné : référence ${documentId.slice(0, 8)}`);
    await expect(agent.page.getByTestId("ticket-document")).toContainText(documentId);
    await expect(agent.page.getByRole("main").locator(`a[href*="/documents"]`)).toHaveCount(0);
    expect(await agent.page.content()).not.toContain(title);
    await expectAccessible(agent.page);
  } finally {
    await agent.close();
  }
});
