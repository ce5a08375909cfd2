import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs } from "./support/accounts";

/**
 * "Gestion des accès" as a patient uses it: find professionals in the directory, grant, change,
 * download the receipt, revoke; block and unblock; designate a médecin traitant; switch emergency
 * access off and on. Each test makes its own patient; the directory is the seeded one.
 */

const nextYear = new Date().getFullYear() + 1;

async function searchDirectory(page: Page, fields: { name?: string; profession?: string; city?: string }) {
  if (fields.name !== undefined) await page.getByLabel("Nom ou prénom").fill(fields.name);
  if (fields.profession !== undefined) await page.getByLabel("Profession ou spécialité").fill(fields.profession);
  if (fields.city !== undefined) await page.getByLabel("Ville").fill(fields.city);
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
}

test("a patient finds a professional, grants one category until a day, changes it to read-and-add, downloads the receipt and revokes", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const patient = await createAccount();
  await signInAs(page.context(), patient);

  await page.goto("/espace");
  await page.getByRole("navigation", { name: "Navigation de l'espace" }).getByRole("link", { name: "Accès" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gestion des accès" })).toBeVisible();
  await expect(page.getByText("Aucun professionnel n'a accès à vos documents")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Rechercher un professionnel de santé" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un professionnel de santé" })).toBeVisible();
  await expectAccessible(page);
  // Neither case nor accents matter.
  await searchDirectory(page, { name: "LEFEVRE", city: "paris" });
  await expect(page).toHaveURL(/name=LEFEVRE/);
  await expect(page.getByRole("status").filter({ hasText: "1 professionnel trouvé" })).toBeVisible();
  await expect(page.getByTestId("directory-result")).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Voir Hélène Lefèvre" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Hélène Lefèvre" })).toBeVisible();
  await expect(page.getByTestId("professional-status")).toHaveText("Ce professionnel n'a pas accès à vos documents.");
  await expectAccessible(page);

  // A category without a tick is refused at the field, and nothing is lost.
  await page.getByRole("radio", { name: "Certaines catégories" }).check();
  await page.getByRole("button", { name: "Accorder l'accès" }).click();
  await expect(page.getByText("Cochez au moins une catégorie.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Ordonnance" })).toBeFocused();
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Biologie" }).check();
  await page.getByRole("radio", { name: "Jusqu'à une date" }).check();
  await page.getByLabel("Dernier jour d'accès").fill(`${nextYear}-06-30`);
  await page.getByRole("button", { name: "Accorder l'accès" }).click();
  await expect(page.locator("form").getByRole("status").filter({ hasText: "Accès accordé à Hélène Lefèvre." })).toBeVisible();
  await expect(page.getByTestId("professional-status")).toHaveText(
    `A accès : Catégories : Biologie, lecture seule, jusqu'au 30 juin ${nextYear} inclus.`,
  );

  await page.getByRole("radio", { name: "Consulter et ajouter des documents" }).check();
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.locator("form").getByRole("status").filter({ hasText: "Accès de Hélène Lefèvre modifié." })).toBeVisible();
  await expect(page.getByTestId("professional-status")).toHaveText(
    `A accès : Catégories : Biologie, lecture et ajout de documents, jusqu'au 30 juin ${nextYear} inclus.`,
  );
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le reçu" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^recu-consentement-\d{4}-\d{2}-\d{2}\.txt$/);
  const receipt = await readFile(await download.path(), "utf8");
  expect(receipt).toContain("Décision : accès modifié");
  expect(receipt).toContain("Professionnel : Hélène Lefèvre, Médecin (Médecine générale), Paris");
  expect(receipt).toMatch(/Identifiant RPPS : \d{11}/);
  expect(receipt).toContain("Accès : catégories Biologie ; lecture et ajout");
  expect(receipt).toContain(`Au : 30 juin ${nextYear} inclus`);
  expect(receipt).toContain("Décidé par : Camille Essai");

  await page.getByRole("link", { name: "Retour à la gestion des accès" }).click();
  const grant = page.getByTestId("grant");
  await expect(grant).toHaveCount(1);
  await expect(grant).toContainText("Hélène Lefèvre");
  await expect(grant).toContainText("Catégories : Biologie · lecture et ajout de documents");
  await expect(grant).toContainText(`jusqu'au 30 juin ${nextYear} inclus`);
  await expect(page.getByTestId("receipt")).toHaveCount(2);
  await expect(page.getByTestId("receipt").first()).toContainText("Accès modifié — Hélène Lefèvre");
  await expectAccessible(page);

  await grant.getByRole("button", { name: "Retirer l'accès (Hélène Lefèvre)" }).click();
  await expect(page.getByText("Aucun professionnel n'a accès à vos documents")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("Accès retiré. Il prend effet immédiatement.");
  await expect(page.getByRole("heading", { name: "Professionnels ayant accès" })).toBeFocused();
  await expect(page.getByTestId("ended-grant")).toContainText("Hélène Lefèvre — Retiré");
  await expect(page.getByTestId("receipt").first()).toContainText("Accès retiré — Hélène Lefèvre");

  const grants = await e2eDb().accessGrant.findMany({
    where: { patientId: patient.id },
    select: { revokedAt: true, canAdd: true, categories: true },
  });
  expect(grants).toEqual([{ revokedAt: expect.any(Date), canAdd: true, categories: ["LAB_RESULTS"] }]);
  const history = await e2eDb().historyEntry.findMany({
    where: { patientId: patient.id },
    orderBy: { sequence: "asc" },
    select: { action: true },
  });
  expect(history.map((entry) => entry.action)).toEqual(["ACCESS_GRANTED", "ACCESS_CHANGED", "ACCESS_REVOKED"]);
});

test("a patient blocks and unblocks a professional, designates a médecin traitant and switches emergency access off and on", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const patient = await createAccount();
  await signInAs(page.context(), patient);

  await page.goto("/acces/professionnels");
  await searchDirectory(page, { name: "guerin", profession: "pharmacien" });
  await page.getByRole("link", { name: "Voir Marion Guérin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marion Guérin" })).toBeVisible();
  // Blocking asks for a confirmation, which takes the focus; cancelling closes it and gives the focus back.
  await page.getByRole("button", { name: "Bloquer ce professionnel" }).click();
  await expect(page.getByRole("button", { name: "Confirmer le blocage de Marion Guérin" })).toBeFocused();
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("button", { name: "Confirmer le blocage de Marion Guérin" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Bloquer ce professionnel" })).toBeFocused();
  await page.getByRole("button", { name: "Bloquer ce professionnel" }).click();
  await expect(page.getByRole("button", { name: "Confirmer le blocage de Marion Guérin" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer le blocage de Marion Guérin" }).click();
  await expect(page.getByTestId("professional-status")).toHaveText("Vous avez bloqué ce professionnel.");
  await expect(page.getByRole("heading", { name: "Accorder l'accès" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Retour à la gestion des accès" }).click();
  const block = page.getByTestId("block");
  await expect(block).toContainText("Marion Guérin");
  await expectAccessible(page);
  await block.getByRole("button", { name: "Débloquer (Marion Guérin)" }).click();
  await expect(page.getByText("Aucun professionnel bloqué.")).toBeVisible();
  await expect(page.getByTestId("receipt")).toHaveCount(2);

  // The médecin traitant, chosen from the directory (doctors only).
  await page.getByRole("link", { name: "Choisir un médecin traitant dans l'annuaire" }).click();
  await expect(page.getByLabel("Profession ou spécialité")).toHaveValue("medecin");
  await searchDirectory(page, { name: "françois mercier" });
  await page.getByRole("link", { name: "Voir François Mercier" }).click();
  await page.getByRole("button", { name: "Désigner comme médecin traitant" }).click();
  await expect(page.getByTestId("professional-status")).toContainText("Votre médecin traitant");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Retour à la gestion des accès" }).click();
  await expect(page.getByTestId("treating-doctor")).toContainText("François Mercier");

  // Emergency access: on by default, off, on again.
  const emergency = page.getByRole("switch", { name: "Autoriser l'accès d'urgence" });
  await expect(emergency).toHaveAttribute("aria-checked", "true");
  await emergency.click();
  await expect(emergency).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Désactivé : même en cas d'urgence")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("Accès d'urgence désactivé.");
  await expectAccessible(page);
  await emergency.click();
  await expect(emergency).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Activé : les équipes d'urgence")).toBeVisible();

  expect(
    await e2eDb().patientAccessSettings.findUnique({
      where: { patientId: patient.id },
      select: { emergencyAccessEnabled: true, treatingDoctor: { select: { lastName: true } } },
    }),
  ).toEqual({
    emergencyAccessEnabled: true,
    treatingDoctor: { lastName: "Mercier" },
  });
  const history = await e2eDb().historyEntry.findMany({
    where: { patientId: patient.id },
    orderBy: { sequence: "asc" },
    select: { action: true },
  });
  expect(history.map((entry) => entry.action)).toEqual([
    "PROFESSIONAL_BLOCKED",
    "PROFESSIONAL_UNBLOCKED",
    "TREATING_DOCTOR_SET",
    "EMERGENCY_SETTING_CHANGED",
    "EMERGENCY_SETTING_CHANGED",
  ]);
});

test("a patient accepts one access request with a chosen scope and refuses another; a receipt is theirs alone", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const patient = await createAccount();
  await signInAs(page.context(), patient);
  const [asking, refused] = await Promise.all(
    ["Lacroix", "Leroux"].map((lastName) =>
      e2eDb().professional.findFirstOrThrow({ where: { lastName, userId: null }, select: { id: true, firstName: true, lastName: true } }),
    ),
  );
  await e2eDb().accessRequest.createMany({
    data: [
      { patientId: patient.id, professionalId: asking.id, message: "Rééducation du genou" },
      { patientId: patient.id, professionalId: refused.id },
    ],
  });

  await page.goto("/acces");
  await expect(page.getByTestId("access-request")).toHaveCount(2);
  const request = page.getByTestId("access-request").filter({ hasText: "Nicolas Lacroix" });
  await expect(request).toContainText("« Rééducation du genou »");
  await request.getByText("Accepter la demande de Nicolas Lacroix").click();
  await request.getByRole("radio", { name: "Certaines catégories" }).check();
  await request.getByRole("checkbox", { name: "Imagerie" }).check();
  await expectAccessible(page);
  await request.getByRole("button", { name: "Accepter avec cet accès" }).click();
  await expect(page.getByTestId("access-request")).toHaveCount(1);
  await expect(page.getByTestId("vault-announcer")).toHaveText("Accès accordé à Nicolas Lacroix.");
  await expect(page.getByTestId("grant")).toContainText("Catégories : Imagerie · lecture seule");

  await page.getByTestId("access-request").getByRole("button", { name: "Refuser (Claire Leroux)" }).click();
  await expect(page.getByText("Aucune demande en attente.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demandes d'accès en attente" })).toBeFocused();
  expect(
    await e2eDb().accessRequest.findMany({ where: { patientId: patient.id }, orderBy: { status: "asc" }, select: { status: true } }),
  ).toEqual([{ status: "ACCEPTED" }, { status: "REFUSED" }]);

  // The receipt: an attachment, never sniffed nor cached, for its patient only.
  const href = await page.getByTestId("receipt").first().getByRole("link").getAttribute("href");
  const own = await page.request.get(href!);
  expect(own.status()).toBe(200);
  expect(own.headers()).toMatchObject({
    "content-type": "text/plain; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": expect.stringContaining("no-store"),
  });
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename="recu-consentement-/);
  expect(await own.text()).toContain("En réponse à une demande d'accès du professionnel.");
  for (const roles of [["PATIENT"], ["PROFESSIONAL"], ["SUPPORT"]] as const) {
    const context = await browser.newContext();
    await signInAs(context, await createAccount({ roles: [...roles] }));
    expect((await context.request.get(new URL(href!, page.url()).toString())).status(), roles[0]).toBe(404);
    await context.close();
  }
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(href!, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});
