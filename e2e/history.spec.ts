import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";
import { waitForMail } from "./support/mailbox";

/**
 * "Historique des accès" and the alerts as the patient meets them, every entry made by the real
 * services: the patient's uploads through the upload route, a professional's consented view of a
 * file and an emergency access ("bris de glace") through the professional routes, from their own
 * address. Then the two tabs, the filters, the emergency entry and its reason, the CSV export,
 * revoking and blocking from an entry, and the alerts (in the header, the page, the e-mail) marked read.
 */

const pngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const EMERGENCY_REASON = "Patiente inconsciente admise aux urgences";
const PRO_ADDRESS = "192.0.2.44";

async function upload(request: APIRequestContext, title: string) {
  const response = await request.post("/api/uploads", {
    data: pngBytes,
    headers: {
      "Content-Type": "application/octet-stream",
      Origin: E2E_APP_URL,
      "X-File-Name": encodeURIComponent("radio.png"),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": "IMAGING",
      "X-Document-Date": "2026-03-12",
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A professional's account and directory record, signed in within their own browser context. */
async function newProfessional(
  browser: Browser,
  { firstName = "Sophie", lastName, emergencyStaff = false }: { firstName?: string; lastName: string; emergencyStaff?: boolean },
) {
  const account = await createAccount({ roles: ["PROFESSIONAL"] });
  await e2eDb().user.update({ where: { id: account.id }, data: { firstName, lastName }, select: { id: true } });
  const rpps = withRppsCheckDigit(`8${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`);
  const professional = await e2eDb().professional.create({
    data: {
      userId: account.id,
      rpps,
      firstName,
      lastName,
      profession: emergencyStaff ? "Médecin urgentiste" : "Médecin généraliste",
      city: "Lyon",
      emergencyStaff,
    },
    select: { id: true },
  });
  const context = await browser.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: { "X-Forwarded-For": PRO_ADDRESS } });
  await signInAs(context, account);
  return {
    account,
    rpps,
    professionalId: professional.id,
    label: `${firstName} ${lastName}`,
    request: context.request,
    close: () => context.close(),
  };
}

type Pro = Awaited<ReturnType<typeof newProfessional>>;

/** The patient lets a professional see all their visible documents (as "Gestion des accès" would). */
async function grantAll(patient: TestAccount, pro: Pro) {
  await e2eDb().accessGrant.create({
    data: { patientId: patient.id, professionalId: pro.professionalId, scope: "ALL_VISIBLE", validFrom: new Date(Date.now() - 60_000) },
    select: { id: true },
  });
}

async function proViews(pro: Pro, documentId: string) {
  expect((await pro.request.get(`/api/documents/${documentId}/file`)).status()).toBe(200);
}

async function proBreaksGlass(pro: Pro, patient: TestAccount) {
  const response = await pro.request.post(`/api/pro/patients/${patient.id}/emergency`, {
    data: { reason: EMERGENCY_REASON },
    headers: { Origin: E2E_APP_URL },
  });
  expect(response.status()).toBe(201);
}

async function latestEntryId(patient: TestAccount, action: "EMERGENCY_ACCESS") {
  return (
    await e2eDb().historyEntry.findFirstOrThrow({
      where: { patientId: patient.id, action },
      orderBy: { sequence: "desc" },
      select: { id: true },
    })
  ).id;
}

const entries = (page: Page) => page.getByTestId("history-entry");

test("the two tabs, filters by kind, author and date, the emergency entry with its reason, and the CSV export", async ({
  page,
  browser,
}) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const documentId = await upload(page.context().request, "Bilan sanguin");
  await upload(page.context().request, "=SOMME(A1:A3)");
  const doctor = await newProfessional(browser, { lastName: "Bernard" });
  const urgentist = await newProfessional(browser, { firstName: "Karim", lastName: "Haddad", emergencyStaff: true });
  await grantAll(patient, doctor);
  await proViews(doctor, documentId);
  await proBreaksGlass(urgentist, patient);
  await Promise.all([doctor.close(), urgentist.close()]);

  await page.goto("/historique");
  await expect(page.getByRole("heading", { level: 1, name: "Historique des accès" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Auteurs des actions" });
  await expect(tabs.getByRole("link", { name: "Accès par d'autres" })).toHaveAttribute("aria-current", "page");
  await expect(entries(page)).toHaveCount(2);
  const emergency = entries(page).filter({ hasText: "Accès d'urgence (bris de glace)" });
  await expect(emergency).toHaveAttribute("data-emergency", "true");
  await expect(emergency).toContainText(`Motif déclaré : « ${EMERGENCY_REASON} »`);
  await expect(emergency).toContainText(`Karim Haddad · Médecin urgentiste · RPPS ${urgentist.rpps}`);
  await expect(emergency).toContainText(PRO_ADDRESS);
  const view = entries(page).filter({ hasText: "Document consulté" });
  await expect(view).toContainText("Bilan sanguin");
  await expect(view).toContainText("Avec votre autorisation");
  await expect(view).toContainText(`RPPS ${doctor.rpps}`);
  await expect(view).not.toHaveAttribute("data-emergency", "true");
  await expectAccessible(page);

  await page.getByLabel("Type d'action").selectOption({ label: "Accès d'urgence" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/kind=emergency/);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText(EMERGENCY_REASON);

  await page.getByLabel("Type d'action").selectOption({ label: "Tous les types" });
  await page.getByLabel("Auteur", { exact: true }).selectOption({ label: "Sophie Bernard" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText("Document consulté");

  await page.getByRole("button", { name: "Effacer les filtres" }).click();
  await page.getByLabel("Du", { exact: true }).fill("2020-01-01");
  await page.getByLabel("Au", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByText("Aucune entrée ne correspond à ces filtres.")).toBeVisible();
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date());
  await page.getByLabel("Du", { exact: true }).fill(today);
  await page.getByLabel("Au", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(entries(page)).toHaveCount(2);
  await expectAccessible(page);

  await tabs.getByRole("link", { name: "Mes actions" }).click();
  await expect(tabs.getByRole("link", { name: "Mes actions" })).toHaveAttribute("aria-current", "page");
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText("Document ajouté");
  await expect(page.getByRole("button", { name: "Retirer l'accès" })).toHaveCount(0);
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^historique-des-acces-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString("utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    '"Date et heure (Paris)","Auteur","Rôle","Identifiant RPPS","Action","Concerne","Document ou donnée","Base de l\'accès","Motif","Adresse IP"',
  );
  expect(lines).toHaveLength(3);
  expect(csv).toContain('"Camille Essai","Patient","","Document ajouté","","Bilan sanguin"');
  // The formula-looking title is text for a spreadsheet, never a formula.
  expect(csv).toContain(`"'=SOMME(A1:A3)"`);
  expect(csv).not.toMatch(/(^|,)"=/m);

  // The others' tab exports what its filters select, the emergency reason included.
  const others = await page.context().request.get("/api/history/export?kind=emergency");
  expect(others.headers()["cache-control"]).toContain("no-store");
  expect(others.headers()["content-disposition"]).toMatch(/^attachment;/);
  const othersCsv = (await others.text()).replace(/^\uFEFF/, "");
  expect(othersCsv.trim().split("\r\n")).toHaveLength(2);
  expect(othersCsv).toContain(
    `"Karim Haddad","Professionnel de santé","${urgentist.rpps}","Accès d'urgence (bris de glace)","","","Accès d'urgence","${EMERGENCY_REASON}","${PRO_ADDRESS}"`,
  );
});

test("from a professional's entry the patient withdraws their access, then blocks them", async ({ page, browser }) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const documentId = await upload(page.context().request, "Compte rendu IRM");
  const doctor = await newProfessional(browser, { lastName: "Moreau" });
  await grantAll(patient, doctor);
  await proViews(doctor, documentId);

  await page.goto("/historique");
  const entry = entries(page).filter({ hasText: "Document consulté" });
  await entry.getByRole("button", { name: "Retirer l'accès" }).click();
  await expect(entry.getByText("L'accès de Sophie Moreau est retiré.")).toBeVisible();
  expect(
    (await e2eDb().accessGrant.findFirstOrThrow({ where: { patientId: patient.id, professionalId: doctor.professionalId } })).revokedAt,
  ).not.toBeNull();
  // Withdrawn means refused on the professional's very next request.
  expect((await doctor.request.get(`/api/documents/${documentId}/file`)).status()).toBe(404);

  await entry.getByRole("button", { name: "Bloquer ce professionnel" }).click();
  await expect(entry.getByText(/Bloquer Sophie Moreau \?/)).toBeVisible();
  await expectAccessible(page);
  await entry.getByRole("button", { name: "Confirmer le blocage" }).click();
  await expect(entry.getByText(/Sophie Moreau est bloqué/)).toBeVisible();
  expect(await e2eDb().professionalBlock.count({ where: { patientId: patient.id, professionalId: doctor.professionalId } })).toBe(1);
  await doctor.close();

  // Both changes are the patient's own actions, in their tab, each naming whom it concerned.
  await page.getByRole("link", { name: "Mes actions" }).click();
  const concerned = `Sophie Moreau · Médecin généraliste · RPPS ${doctor.rpps}`;
  const blocked = entries(page).filter({ hasText: "Professionnel bloqué" });
  await expect(blocked).toHaveCount(1);
  await expect(blocked.getByRole("definition").first()).toHaveText("Camille Essai · Patient");
  await expect(blocked).toContainText(`Concerne${concerned}`);
  const revoked = entries(page).filter({ hasText: "Accès retiré" });
  await expect(revoked).toHaveCount(1);
  await expect(revoked).toContainText(`Concerne${concerned}`);
  await expect(revoked).toContainText("QuoiTous vos documents non masqués · lecture seule · sans date de fin");
  await expect(page.getByText("Aucun document")).toHaveCount(0);
  await expectAccessible(page);
});

test("an emergency access in force shows in 'Gestion des accès' and ends there; withdrawing or blocking from its entry ends it too", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const documentId = await upload(page.context().request, "Compte rendu des urgences");
  const urgentist = await newProfessional(browser, { firstName: "Karim", lastName: "Haddad", emergencyStaff: true });
  const sees = async () => (await urgentist.request.get(`/api/documents/${documentId}/file`)).status();
  await proBreaksGlass(urgentist, patient);
  expect(await sees()).toBe(200);

  // "Gestion des accès" lists it among the professionals who have access: who, why, since and until when.
  await page.goto("/acces");
  const grants = page.getByRole("region", { name: "Professionnels ayant accès" });
  const emergency = grants.getByTestId("emergency-access");
  await expect(emergency).toContainText("Karim Haddad");
  await expect(emergency).toContainText("Médecin urgentiste");
  await expect(emergency).toContainText(`Motif déclaré : « ${EMERGENCY_REASON} »`);
  await expect(emergency).toContainText(/Ouvert le .+, jusqu'au .+ au plus tard/);
  await expect(grants.getByText("Aucun professionnel n'a accès")).toHaveCount(0);
  await expectAccessible(page);
  await emergency.getByRole("button", { name: "Mettre fin à l'accès d'urgence (Karim Haddad)" }).click();
  await expect(page.getByTestId("vault-announcer")).toContainText("Accès d'urgence terminé");
  await expect(grants.getByTestId("emergency-access")).toHaveCount(0);
  await expect(grants.getByText("Aucun professionnel n'a accès")).toBeVisible();
  await expect(page.getByTestId("receipt").filter({ hasText: "Accès d'urgence terminé" })).toContainText("Karim Haddad");
  expect(await sees()).toBe(404);

  // From the emergency entry of the history, "Retirer l'accès" ends a new emergency access.
  await proBreaksGlass(urgentist, patient);
  expect(await sees()).toBe(200);
  await page.goto("/historique");
  const entry = entries(page).filter({ hasText: "Accès d'urgence (bris de glace)" }).first();
  await entry.getByRole("button", { name: "Retirer l'accès" }).click();
  await expect(entry.getByText("L'accès de Karim Haddad est retiré.")).toBeVisible();
  expect(await sees()).toBe(404);

  // Blocking ends one too, and lifting the block gives nothing back.
  await proBreaksGlass(urgentist, patient);
  expect(await sees()).toBe(200);
  // The professional's own page says so, with the button that ends it.
  await page.goto(`/acces/professionnels/${urgentist.professionalId}`);
  await expect(page.getByTestId("professional-status")).toContainText(`Accès d'urgence en cours : ouvert le`);
  await expect(page.getByTestId("professional-status")).toContainText(EMERGENCY_REASON);
  await expect(page.getByRole("button", { name: "Retirer l'accès (Karim Haddad)" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/historique");
  const latest = entries(page).filter({ hasText: "Accès d'urgence (bris de glace)" }).first();
  await latest.getByRole("button", { name: "Bloquer ce professionnel" }).click();
  await latest.getByRole("button", { name: "Confirmer le blocage" }).click();
  await expect(latest.getByText(/Karim Haddad est bloqué/)).toBeVisible();
  expect(await sees()).toBe(404);
  await page.goto("/acces");
  await page.getByRole("button", { name: "Débloquer (Karim Haddad)" }).click();
  await expect(page.getByText("Aucun professionnel bloqué.")).toBeVisible();
  expect(await sees()).toBe(404);
  await urgentist.close();

  await page.goto("/historique?tab=mine");
  const ended = entries(page).filter({ hasText: "Accès d'urgence terminé" });
  await expect(ended).toHaveCount(2);
  await expect(ended.first()).toContainText(`ConcerneKarim Haddad · Médecin urgentiste · RPPS ${urgentist.rpps}`);
  await expect(entries(page).filter({ hasText: "Professionnel bloqué" })).toContainText("Karim Haddad");
  await expectAccessible(page);
});

test("alerts: a first access and an emergency access are e-mailed, counted in the header, listed, linked to their entry and marked read", async ({
  page,
  browser,
}) => {
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const documentId = await upload(page.context().request, "Ordonnance confidentielle");
  const doctor = await newProfessional(browser, { lastName: "Lefèvre" });
  const urgentist = await newProfessional(browser, { firstName: "Karim", lastName: "Haddad", emergencyStaff: true });
  await grantAll(patient, doctor);
  await proViews(doctor, documentId);
  // A second access by the same professional is not a first one: no new alert.
  await proViews(doctor, documentId);
  await proBreaksGlass(urgentist, patient);
  await Promise.all([doctor.close(), urgentist.close()]);
  const emergencyEntryId = await latestEntryId(patient, "EMERGENCY_ACCESS");

  // Both alerts reach the patient's mailbox, naming who and linking to the history, never the document.
  const first = await waitForMail(patient.email, { subject: /Un professionnel a accédé à votre espace/ });
  expect(first.text).toContain("Sophie Lefèvre a accédé à votre espace santé pour la première fois");
  const emergencyMail = await waitForMail(patient.email, { subject: /Accès d'urgence à votre espace/ });
  expect(emergencyMail.text).toContain(`${E2E_APP_URL}/historique?entree=${emergencyEntryId}`);
  for (const mail of [first, emergencyMail]) {
    expect(mail.text).not.toContain("Ordonnance");
    expect(mail.text).not.toContain(EMERGENCY_REASON);
  }

  await page.goto("/espace");
  const alertsLink = page.getByRole("navigation", { name: "Navigation de l'espace" }).getByRole("link", { name: /Alertes/ });
  await expect(alertsLink).toContainText("2");
  await expect(alertsLink).toHaveAccessibleName(/2 non lues/);
  await alertsLink.click();

  await expect(page.getByRole("heading", { level: 1, name: "Alertes" })).toBeVisible();
  const alerts = page.getByTestId("alert");
  await expect(alerts).toHaveCount(2);
  await expect(alerts.filter({ hasText: "Karim Haddad a utilisé l'accès d'urgence à votre espace." })).toBeVisible();
  await expect(alerts.filter({ hasText: "Sophie Lefèvre a accédé à votre espace pour la première fois." })).toBeVisible();
  await expectAccessible(page);

  await alerts.filter({ hasText: "Haddad" }).getByRole("link", { name: "Voir dans l'historique" }).click();
  await expect(page).toHaveURL(`/historique?entree=${emergencyEntryId}`);
  const highlighted = page.getByRole("region", { name: "L'entrée signalée par l'alerte" });
  await expect(highlighted.getByTestId("history-entry")).toContainText(EMERGENCY_REASON);
  await expectAccessible(page);

  await page.goto("/alertes");
  await alerts.filter({ hasText: "Lefèvre" }).getByRole("button", { name: "Marquer comme lue" }).click();
  await expect(page.locator('[data-testid="alert"][data-unread]')).toHaveCount(1);
  await expect(alertsLink).toHaveAccessibleName(/1 non lue/);
  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.locator('[data-testid="alert"][data-unread]')).toHaveCount(0);
  await expect(alertsLink).toHaveAccessibleName("Alertes");
  expect(await e2eDb().notification.count({ where: { userId: patient.id, readAt: null } })).toBe(0);
  await expectAccessible(page);
});

test("only the patient reads their history: a professional and a support agent get 403 and nothing", async ({ browser }) => {
  for (const roles of [["PROFESSIONAL"], ["SUPPORT"]] as const) {
    const context = await browser.newContext();
    const account = await createAccount({ roles: [...roles] });
    await signInAs(context, account);
    for (const path of ["/api/history", "/api/history/export", `/api/history?author=${randomUUID()}`]) {
      const response = await context.request.get(`${E2E_APP_URL}${path}`);
      expect(response.status(), `${roles[0]} ${path}`).toBe(403);
      expect(await response.text()).not.toContain("items");
    }
    await context.close();
  }
});
