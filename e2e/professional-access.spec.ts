import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { buildGreyPng } from "@/lib/vault/files/build-png";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * The professional side of consent, as people use it: a patient grants a professional one category,
 * the professional finds them (NIR or space code + birth date), sees that category only and never a
 * hidden document, opens one; the patient revokes and the next request is refused. Emergency staff
 * break the glass with a reason and the patient is alerted; a professional without access asks for
 * it; a professional allowed to add does, and the patient sees who added it.
 *
 * One page per test, whose session changes hands (patient, then professional…), so that the fixture's
 * CSP and axe checks cover every step. The patient gives and revokes consent in "Gestion des accès"
 * (its own spec covers the directory search; here the patient opens the professional's page directly)
 * and follows the emergency alert from "Alertes" to its entry in "Historique des accès".
 */

const { withNirKey } = await import("@/lib/identifiers/nir");
const { withRppsCheckDigit } = await import("@/lib/identifiers/rpps");

const BIRTH_DATE = "1985-04-12"; // createAccount's

/** A 16×16 grey PNG, enough for the preview to draw (the same builder the seed uses). */
const pngBytes = buildGreyPng({ width: 16, height: 16, pixel: () => 90 });

type Patient = TestAccount & { nir: string };
type Professional = TestAccount & { professionalId: string; name: string; label: string };

async function newPatient(): Promise<Patient> {
  const account = await createAccount();
  const nir = withNirKey(`1850475${String(randomInt(100000, 999999))}`);
  // Qualified, as a professional would have done it in person: only a qualified NIR finds anyone.
  await e2eDb().user.update({
    where: { id: account.id },
    data: {
      declaredNir: nir,
      identityQualification: { create: { nir, method: "IN_PERSON", documentType: "PASSPORT", qualifiedByLabel: "Dr Essai (Médecin)" } },
    },
  });
  return { ...account, nir };
}

async function newProfessional({ emergencyStaff = false, profession = "Médecin" } = {}): Promise<Professional> {
  const account = await createAccount({ roles: ["PROFESSIONAL"] });
  const lastName = `Lefèvre-${randomUUID().slice(0, 6)}`;
  // The history and the alerts name the account; a professional's account bears their name.
  await e2eDb().user.update({ where: { id: account.id }, data: { firstName: "Julie", lastName } });
  const { id } = await e2eDb().professional.create({
    data: {
      userId: account.id,
      rpps: withRppsCheckDigit(String(randomInt(1_000_000_000, 9_999_999_999))),
      firstName: "Julie",
      lastName,
      profession,
      city: "Lyon",
      emergencyStaff,
    },
    select: { id: true },
  });
  return { ...account, professionalId: id, name: `Julie ${lastName}`, label: `Julie ${lastName} (${profession})` };
}

/** The page's session changes hands: what one person sees, then another, in the same browser. */
async function actAs(page: Page, account: TestAccount) {
  await page.context().clearCookies();
  await signInAs(page.context(), account);
}

/** The patient's own documents, added through the upload route (what the vault tests cover in the UI). */
async function addDocument(page: Page, { title, category, hidden = false }: { title: string; category: string; hidden?: boolean }) {
  const response = await page.request.post("/api/uploads", {
    data: pngBytes,
    headers: {
      "Content-Type": "application/octet-stream",
      Origin: E2E_APP_URL,
      "X-File-Name": encodeURIComponent(`${title}.png`),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": category,
      "X-Document-Date": "2026-02-03",
    },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  if (hidden) {
    const patch = await page.request.patch(`/api/documents/${id}`, {
      data: { hiddenFromProfessionals: true },
      headers: { Origin: E2E_APP_URL },
    });
    expect(patch.status()).toBe(200);
  }
  return id;
}

/** The patient grants access on the professional's page of "Gestion des accès". */
async function grantInUi(
  page: Page,
  professional: Professional,
  { categories, canAdd = false }: { categories?: string[]; canAdd?: boolean },
) {
  await page.goto(`/acces/professionnels/${professional.professionalId}`);
  await expect(page.getByTestId("professional-status")).toHaveText("Ce professionnel n'a pas accès à vos documents.");
  if (categories) {
    await page.getByRole("radio", { name: "Certaines catégories" }).check();
    for (const category of categories) await page.getByRole("checkbox", { name: category, exact: true }).check();
  }
  if (canAdd) await page.getByRole("radio", { name: "Consulter et ajouter des documents" }).check();
  await page.getByRole("button", { name: "Accorder l'accès" }).click();
  await expect(
    page
      .locator("form")
      .getByRole("status")
      .filter({ hasText: `Accès accordé à ${professional.name}.` }),
  ).toBeVisible();
  await expectAccessible(page);
}

/** The professional's search, through the form: the identifier and birth date never go into an address. */
async function findPatient(page: Page, identifier: string, patientId: string) {
  await page.goto("/pro");
  await expect(page.getByRole("heading", { level: 1, name: "Espace professionnel" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Espace professionnel" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("NIR ou identifiant espace santé").fill(identifier);
  await page.getByLabel("Date de naissance").fill(BIRTH_DATE);
  await page.getByRole("button", { name: "Rechercher le patient" }).click();
  await expect(page).toHaveURL(`/pro/patients/${patientId}`);
  expect(page.url()).not.toContain(identifier.replace(/\s/g, ""));
  await expect(page.getByRole("heading", { level: 1, name: "Camille Essai" })).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("document-row");

test("a professional sees only the category the patient granted, never a hidden document, and loses access on the next request after revocation", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const patient = await newPatient();
  const doctor = await newProfessional();

  await actAs(page, patient);
  await addDocument(page, { title: "Bilan sanguin de février", category: "LAB_RESULTS" });
  await addDocument(page, { title: "Radio du genou", category: "IMAGING" });
  await addDocument(page, { title: "Sérologie confidentielle", category: "LAB_RESULTS", hidden: true });
  await grantInUi(page, doctor, { categories: ["Biologie"] });

  // A NIR as people say it, with spaces.
  await actAs(page, doctor);
  await findPatient(page, patient.nir.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, "$1 $2 $3 $4 $5 $6 $7"), patient.id);
  await expect(page.getByText("Né·e le 12 avril 1985")).toBeVisible();
  await expect(page.getByTestId("access-summary")).toContainText("Accès accordé par le patient : Biologie, sans date de fin.");
  await expect(page.getByTestId("access-summary")).toContainText("Lecture seule");
  await expect(page.getByTestId("list-count")).toHaveText("1 document affiché");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("Bilan sanguin de février");
  await expect(rows(page).first()).toContainText("Biologie");
  await expect(rows(page).first()).toContainText("Ajouté par le patient");
  await expect(page.getByText("Radio du genou")).toHaveCount(0);
  await expect(page.getByText("Sérologie confidentielle")).toHaveCount(0);
  // Read-only: nothing to add, nothing to ask for.
  await expect(page.getByLabel("Choisir des fichiers")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Demander l'accès" })).toHaveCount(0);
  await expectAccessible(page);

  // Filters work like the patient's: a category outside the grant shows nothing.
  await page.getByLabel("Catégorie").selectOption("IMAGING");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page).toHaveURL(/category=IMAGING/);
  await expect(page.getByText("Aucun document ne correspond à votre recherche.")).toBeVisible();
  await page.getByRole("button", { name: "Effacer les filtres" }).click();
  await expect(rows(page)).toHaveCount(1);

  await page.getByRole("link", { name: "Bilan sanguin de février" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bilan sanguin de février" })).toBeVisible();
  const documentUrl = page.url();
  const preview = page.getByRole("img", { name: "Aperçu du document « Bilan sanguin de février »" });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(16);
  const fileUrl = (await page.getByRole("link", { name: "Télécharger « Bilan sanguin de février »" }).getAttribute("href"))!;
  // No patient-only actions on a professional's page.
  await expect(page.getByRole("button", { name: /Corbeille|Masquer|Épingler|Modifier/ })).toHaveCount(0);
  await expectAccessible(page);
  const viewed = await e2eDb().historyEntry.findFirst({
    where: { patientId: patient.id, action: "DOCUMENT_VIEWED", actorRole: "PROFESSIONAL" },
  });
  expect(viewed?.details).toMatchObject({ basis: "CONSENT" });

  // The hidden document and the other category are refused by address too.
  const hiddenId = (
    await e2eDb().document.findFirstOrThrow({ where: { ownerId: patient.id, hiddenFromProfessionals: true }, select: { id: true } })
  ).id;
  expect((await page.request.get(`/api/documents/${hiddenId}/file`)).status()).toBe(404);
  expect((await page.goto(`/pro/patients/${patient.id}/documents/${hiddenId}`))?.status()).toBe(404);

  await actAs(page, patient);
  await page.goto(`/acces/professionnels/${doctor.professionalId}`);
  await page.getByRole("button", { name: /^Retirer l'accès/ }).click();
  await expect(page.getByTestId("professional-status")).toHaveText("Ce professionnel n'a pas accès à vos documents.");
  await expectAccessible(page);
  await actAs(page, doctor);

  // The very next requests are refused: the document page, its file, the list.
  expect((await page.goto(documentUrl))?.status()).toBe(404);
  expect((await page.request.get(fileUrl)).status()).toBe(404);
  expect((await page.request.get(`/api/pro/patients/${patient.id}/documents`)).status()).toBe(403);
  await page.goto(`/pro/patients/${patient.id}`);
  await expect(page.getByTestId("access-summary")).toContainText("Vous n'avez pas accès aux documents de ce patient.");
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Demander l'accès" })).toBeVisible();
});

test("emergency staff break the glass with a reason, see the visible documents, and the patient is alerted with the reason in their history", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const patient = await newPatient();
  const urgentist = await newProfessional({ emergencyStaff: true });

  // The patient reads their space code on /espace and gives it with their birth date.
  await actAs(page, patient);
  await addDocument(page, { title: "Compte rendu de cardiologie", category: "REPORT" });
  await addDocument(page, { title: "Carnet de vaccination", category: "VACCINATION" });
  await addDocument(page, { title: "Note personnelle masquée", category: "REPORT", hidden: true });
  await page.goto("/espace");
  const codeText = await page.getByTestId("space-code").innerText();
  const spaceCode = /ENS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}/.exec(codeText)?.[0];
  expect(spaceCode, codeText).toBeTruthy();
  await expect(page.getByTestId("space-code")).toContainText("donnez-le à un professionnel avec votre date de naissance");
  await expectAccessible(page);

  await actAs(page, urgentist);
  // Typed as a person would, lower case and without the dash.
  await findPatient(page, spaceCode!.toLowerCase().replace("-", ""), patient.id);
  await expect(page.getByTestId("access-summary")).toContainText("Vous n'avez pas accès aux documents de ce patient.");
  const emergency = page.getByRole("region", { name: "Accès d'urgence (bris de glace)" });
  await expect(emergency).toContainText("Le patient est alerté immédiatement");
  await expect(emergency).toContainText("tracé dans son historique");
  await expectAccessible(page);

  // No reason, no access.
  await emergency.getByRole("button", { name: "Ouvrir l'accès d'urgence" }).click();
  await expect(emergency.getByText("Indiquez le motif de l'accès d'urgence")).toBeVisible();
  await expect(emergency.getByLabel("Motif de l'accès d'urgence")).toBeFocused();
  expect(await e2eDb().emergencyAccess.count({ where: { patientId: patient.id } })).toBe(0);

  const reason = "Patient inconscient admis au SAU, antécédents cardiaques à vérifier";
  await emergency.getByLabel("Motif de l'accès d'urgence").fill(reason);
  await emergency.getByRole("button", { name: "Ouvrir l'accès d'urgence" }).click();
  await expect(page.getByTestId("access-summary")).toContainText("Accès d'urgence jusqu'à");
  await expect(page.getByRole("heading", { name: "Votre accès" })).toBeFocused();
  await expect(page.getByRole("region", { name: "Accès d'urgence (bris de glace)" })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Compte rendu de cardiologie" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Carnet de vaccination" })).toBeVisible();
  await expect(page.getByText("Note personnelle masquée")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Compte rendu de cardiologie" }).click();
  await expect(page.getByRole("img", { name: "Aperçu du document « Compte rendu de cardiologie »" })).toBeVisible();
  await expectAccessible(page);

  // The patient: an alert that leads to the history entry, which shows the stated reason.
  const entry = await e2eDb().historyEntry.findFirstOrThrow({ where: { patientId: patient.id, action: "EMERGENCY_ACCESS" } });
  expect(entry.details).toMatchObject({ basis: "EMERGENCY", reason });
  const viewed = await e2eDb().historyEntry.findFirst({
    where: { patientId: patient.id, action: "DOCUMENT_VIEWED" },
    select: { details: true },
  });
  expect(viewed?.details).toMatchObject({ basis: "EMERGENCY" });
  await actAs(page, patient);
  await page.goto("/alertes");
  const alert = page.getByTestId("alert").filter({ hasText: `${urgentist.name} a utilisé l'accès d'urgence à votre espace.` });
  await expect(alert).toBeVisible();
  await expectAccessible(page);
  await alert.getByRole("link", { name: "Voir dans l'historique" }).click();
  await expect(page).toHaveURL(`/historique?entree=${entry.id}`);
  const highlighted = page.getByRole("region", { name: "L'entrée signalée par l'alerte" }).getByTestId("history-entry");
  await expect(highlighted).toHaveAttribute("data-emergency", "true");
  await expect(highlighted).toContainText(`Motif déclaré : « ${reason} »`);
  await expect(highlighted).toContainText(urgentist.name);
});

test("a professional without access asks for it, and the request then waits for the patient", async ({ page }) => {
  const patient = await newPatient();
  const nurse = await newProfessional({ profession: "Infirmier" });

  await actAs(page, nurse);
  await findPatient(page, patient.nir, patient.id);
  await expect(page.getByTestId("access-summary")).toContainText("Vous n'avez pas accès aux documents de ce patient.");
  await expect(page.getByRole("heading", { name: "Accès d'urgence (bris de glace)" })).toHaveCount(0);
  await page.getByLabel("Message au patient (facultatif)").fill("Soins infirmiers à domicile à partir de lundi.");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByTestId("request-pending")).toContainText("Demande en attente");
  await expect(page.getByRole("heading", { name: "Demander l'accès" })).toBeFocused();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByTestId("request-pending")).toHaveText("Demande en attente : le patient n'a pas encore répondu.");
  await expect(page.getByRole("button", { name: "Envoyer la demande" })).toHaveCount(0);
  const request = await e2eDb().accessRequest.findFirstOrThrow({ where: { patientId: patient.id, professionalId: nurse.professionalId } });
  expect(request).toMatchObject({ status: "PENDING", message: "Soins infirmiers à domicile à partir de lundi." });

  // The patient finds the request, with its message, in "Gestion des accès".
  await actAs(page, patient);
  await page.goto("/acces");
  await expect(page.getByText("Message du professionnel : « Soins infirmiers à domicile à partir de lundi. »")).toBeVisible();
  await expectAccessible(page);
  await actAs(page, nurse);

  // Someone else's search with a wrong birth date finds no one, with the same message.
  await page.goto("/pro");
  await page.getByLabel("NIR ou identifiant espace santé").fill(patient.nir);
  await page.getByLabel("Date de naissance").fill("1985-04-13");
  await page.getByRole("button", { name: "Rechercher le patient" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Aucun patient ne correspond à cet identifiant et à cette date de naissance." }),
  ).toBeVisible();
  await expect(page).toHaveURL("/pro");
});

test("a professional allowed to add puts a document in the patient's space, and the patient sees who added it", async ({ page }) => {
  test.setTimeout(90_000);
  const patient = await newPatient();
  const doctor = await newProfessional();
  await actAs(page, patient);
  await grantInUi(page, doctor, { canAdd: true });

  await actAs(page, doctor);
  await findPatient(page, patient.nir, patient.id);
  await expect(page.getByTestId("access-summary")).toContainText(
    "Accès accordé par le patient : tous ses documents visibles, sans date de fin.",
  );
  await expect(page.getByTestId("access-summary")).toContainText("Vous pouvez ajouter des documents à son espace.");
  await expect(page.getByText("Aucun document ne vous est accessible pour l'instant.")).toBeVisible();

  await page.getByLabel("Choisir des fichiers").setInputFiles({ name: "ecg-repos.png", mimeType: "image/png", buffer: pngBytes });
  const upload = page.getByTestId("upload-row");
  await upload.getByLabel("Titre").fill("ECG de repos");
  await upload.getByLabel("Catégorie").selectOption("REPORT");
  await expect(upload.getByText("Visible par le patient dans son espace.")).toBeVisible();
  await page.getByRole("button", { name: "Envoyer le document" }).click();
  await expect(upload.getByText("Document ajouté.")).toBeVisible();
  await expect(page.getByTestId("upload-suggestion")).toHaveCount(0);
  // The list follows the upload.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`Ajouté par ${doctor.label}`);
  await expectAccessible(page);
  await upload.getByRole("link", { name: "Ouvrir « ECG de repos »" }).click();
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${patient.id}/documents/`));
  await expect(page.getByTestId("added-by")).toContainText(`Ajouté par ${doctor.label}`);

  await actAs(page, patient);
  await page.goto("/documents");
  const row = page.getByTestId("document-row").filter({ hasText: "ECG de repos" });
  await expect(row).toContainText(`Ajouté par ${doctor.label}`);
  await row.getByRole("link", { name: "ECG de repos" }).click();
  await expect(page.getByTestId("added-by")).toContainText(`Ajouté par ${doctor.label}`);
  const added = await e2eDb().historyEntry.findFirstOrThrow({
    where: { patientId: patient.id, action: "DOCUMENT_ADDED", actorRole: "PROFESSIONAL" },
  });
  expect(added.details).toMatchObject({ basis: "CONSENT" });
});

test("a signed-in patient finds no professional space", async ({ page }) => {
  const patient = await newPatient();
  await actAs(page, patient);
  expect((await page.goto("/pro"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Espace professionnel" })).toHaveCount(0);
});
