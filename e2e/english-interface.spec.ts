import { expect, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * The interface as a British visitor gets it from their browser's language: English words where the
 * database stores French ones (professions, automatic catalogue texts), British day-month-year dates,
 * plurals that agree with their count, and words that do not run together.
 */
test.use({ locale: "en-GB" });

test("the security page: British dates, the device and its badge as separate words, a caption that agrees with one event", async ({
  page,
}) => {
  const account = await createAccount();
  await signInAs(page.context(), account);
  await e2eDb().securityEvent.deleteMany({ where: { userId: account.id } });
  await e2eDb().securityEvent.create({
    data: { userId: account.id, kind: "LOGIN_PASSWORD_SUCCEEDED", createdAt: new Date("2026-03-04T09:05:00Z") },
  });

  await page.goto("/securite");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  const session = page.getByTestId("session");
  await expect(session).toHaveCount(1);
  // "Linux This device", not "LinuxThis device".
  await expect(session.locator("p").first()).toHaveText(/\S This device$/);
  // 4 March 2026 at 10:05 in Paris: day before month, 24-hour clock.
  await expect(page.getByRole("table", { name: "The latest security event" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "4 Mar 2026, 10:05" })).toBeVisible();
});

test("the directory names professions and specialties in English, and keeps an unknown one as stored", async ({ page }) => {
  const account = await createAccount();
  await signInAs(page.context(), account);
  await page.goto("/acces/professionnels?name=lefevre");
  const result = page.getByTestId("directory-result").filter({ hasText: "Hélène Lefèvre" });
  await expect(result).toContainText("Doctor — General practice · Paris");
  await page.goto("/acces/professionnels?name=kerbrat");
  await expect(page.getByTestId("directory-result").filter({ hasText: "Loïc Kerbrat" })).toContainText(
    "Doctor — General practice · Quimper",
  );
  await page.goto("/acces/professionnels?name=haddou");
  await expect(page.getByTestId("directory-result").filter({ hasText: "Mohamed Haddou" })).toContainText(
    "Nurse — Nurse anaesthetist · Bordeaux",
  );
});

test("a catalogue app's referencing file gives the automatic decision texts in English", async ({ page }) => {
  await page.goto("/catalogue/tensio-plus");
  const decisions = page.getByTestId("decisions");
  await expect(decisions).toContainText("Proposed by the publisher through the referencing form.");
  await expect(decisions).toContainText("Referencing team");
  await expect(decisions).not.toContainText("Équipe de référencement");
  // Dates in British order, not "January 12, 2026".
  await expect(decisions).toContainText("12 January 2026");
});

test("a ticket the app opened for a French patient reads in English for an English-speaking agent", async ({ page }) => {
  const patient = await createAccount();
  const agent = await createAccount({ roles: ["SUPPORT"] });
  const ticket = await e2eDb().supportTicket.create({
    data: {
      requesterId: patient.id,
      topic: "DOCUMENT",
      // As openDocumentTicket writes it for a French patient (its integration test checks that part).
      subject: "Signalement d'un document : Document en double",
      subjectKey: "documentReport",
      subjectValues: { reason: "DUPLICATE" },
      messages: {
        create: { authorId: patient.id, authorRole: "PATIENT", authorLabel: "Camille Essai", body: "Signalement envoyé sans précision." },
      },
    },
    select: { id: true },
  });
  await signInAs(page.context(), agent);
  await page.goto(`/admin/tickets/${ticket.id}`);
  await expect(page.getByText("Document report: Duplicate document")).toBeVisible();
  await page.goto("/admin/tickets?status=all");
  await expect(page.getByTestId("queue-row").filter({ hasText: "Document report: Duplicate document" })).toHaveCount(1);
});
