import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, e2eDb, signInAs, type TestAccount } from "./support/accounts";

/**
 * Identity qualification as people go through it: a NIR the patient only declared finds no one; the
 * médecin traitant checks an identity document in person and qualifies it from the patient's page;
 * from then on the NIR finds the patient, who sees the qualification in their history. The postal
 * way: the patient gives an address, the letter lands in the outbox, its code qualifies the NIR.
 */

const { withNirKey } = await import("@/lib/identifiers/nir");
const { withRppsCheckDigit } = await import("@/lib/identifiers/rpps");
const { newSpaceCode } = await import("@/lib/identifiers/space-code");

const BIRTH_DATE = "1985-04-12"; // createAccount's
const newNir = () => withNirKey(`1850475${String(randomInt(100000, 999999))}`);

async function actAs(page: Page, account: TestAccount) {
  await page.context().clearCookies();
  await signInAs(page.context(), account);
}

async function search(page: Page, identifier: string) {
  await page.goto("/pro");
  await page.getByLabel("NIR ou identifiant espace santé").fill(identifier);
  await page.getByLabel("Date de naissance").fill(BIRTH_DATE);
  await page.getByRole("button", { name: "Rechercher le patient" }).click();
}

test("a professional qualifies a patient's identity in person, then finds them by NIR; the patient sees it in their history", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const nir = newNir();
  const spaceCode = newSpaceCode();
  const patient = await createAccount();
  await e2eDb().user.update({ where: { id: patient.id }, data: { declaredNir: nir, spaceCode } });
  const doctor = await createAccount({ roles: ["PROFESSIONAL"] });
  const lastName = `Girard-${randomUUID().slice(0, 6)}`;
  await e2eDb().user.update({ where: { id: doctor.id }, data: { firstName: "Hélène", lastName } });
  const { id: professionalId } = await e2eDb().professional.create({
    data: {
      userId: doctor.id,
      rpps: withRppsCheckDigit(String(randomInt(1_000_000_000, 9_999_999_999))),
      firstName: "Hélène",
      lastName,
      profession: "Médecin",
      city: "Lyon",
    },
    select: { id: true },
  });
  await e2eDb().patientAccessSettings.create({ data: { patientId: patient.id, treatingDoctorId: professionalId } });

  // Declared only: the NIR finds no one, and the page says to ask for the space code.
  await actAs(page, doctor);
  await search(page, nir);
  await expect(
    page.getByRole("alert").filter({ hasText: "si son identité n'est pas qualifiée, demandez-lui son identifiant espace santé" }),
  ).toBeVisible();
  await expect(page).toHaveURL("/pro");
  await expectAccessible(page);

  // The space code finds the patient; the médecin traitant checks a passport and qualifies.
  await search(page, spaceCode);
  await expect(page).toHaveURL(`/pro/patients/${patient.id}`);
  await expect(page.getByTestId("identity-status")).toHaveText(
    "Identité non qualifiée : ce patient ne peut pas être retrouvé par son numéro de sécurité sociale, seulement par son identifiant espace santé.",
  );
  await expectAccessible(page);
  await page
    .getByLabel("Numéro de sécurité sociale du patient")
    .fill(nir.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, "$1 $2 $3 $4 $5 $6 $7"));
  await page.getByLabel("Pièce d'identité présentée").selectOption({ label: "Passeport" });
  await page.getByRole("button", { name: "Qualifier l'identité" }).click();
  // The checkbox was not ticked: refused, with a clear sentence.
  await expect(page.getByRole("region", { name: "Identité du patient" }).getByRole("alert")).toHaveText(
    "Confirmez avoir vérifié la pièce d'identité en présence du patient.",
  );
  await page.getByLabel("J'ai vérifié cette pièce en présence du patient, et elle correspond à son identité.").check();
  await page.getByRole("button", { name: "Qualifier l'identité" }).click();
  const identity = page.getByRole("region", { name: "Identité du patient" });
  await expect(identity.getByRole("status")).toHaveText("Identité qualifiée. Le patient le verra dans son historique.");
  await expect(page.getByTestId("identity-status")).toContainText("Identité qualifiée le");
  await expect(page.getByLabel("Numéro de sécurité sociale du patient")).toHaveCount(0);
  await expectAccessible(page);

  // Now the NIR finds the patient.
  await search(page, nir);
  await expect(page).toHaveURL(`/pro/patients/${patient.id}`);

  // The patient sees who qualified it, and how, in their history and on their identity page.
  await actAs(page, patient);
  await page.goto("/historique");
  await expect(
    page
      .getByTestId("history-entry")
      .filter({ hasText: "Identité qualifiée" })
      .filter({ hasText: `Hélène ${lastName}` }),
  ).toHaveCount(1);
  await expectAccessible(page);
  await page.goto("/identite");
  await expect(page.getByTestId("identity-status")).toContainText("en personne, sur présentation d'une pièce d'identité");
  await expect(page.getByTestId("identity-status")).toContainText(`Vérifiée par : Hélène ${lastName} (Médecin)`);
  await expect(page.getByLabel("Numéro de sécurité sociale (facultatif)")).toHaveAttribute("readonly", "");
  await expectAccessible(page);
});

test("a patient qualifies their identity with the code posted to their address", async ({ page }) => {
  test.setTimeout(60_000);
  const nir = newNir();
  const patient = await createAccount();
  await actAs(page, patient);
  await page.goto("/identite");
  await expect(page.getByRole("heading", { level: 1, name: "Mon identité de santé" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer le courrier" })).toBeDisabled();
  await expectAccessible(page);

  // A postcode of four digits is refused at its field.
  await page.getByLabel("Numéro de sécurité sociale (facultatif)").fill(nir);
  await page.getByLabel("Adresse", { exact: true }).fill("12 rue de la République");
  await page.getByLabel("Code postal").fill("6900");
  await page.getByLabel("Commune").fill("Lyon");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Le code postal compte 5 chiffres.")).toBeVisible();
  await page.getByLabel("Code postal").fill("69002");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré." })).toBeVisible();

  await page.getByRole("button", { name: "Envoyer le courrier" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le courrier est parti." })).toBeVisible();
  const letter = await e2eDb().outboundMessage.findFirstOrThrow({
    where: { channel: "LETTER", recipient: { startsWith: "Camille ESSAI, 12 rue de la République" } },
    orderBy: { createdAt: "desc" },
  });
  const code = letter.body.match(/\b[A-Z0-9]{5}-[A-Z0-9]{5}\b/)![0];

  await page.getByLabel("Code d'activation").fill("AAAAA-AAAAA");
  await page.getByRole("button", { name: "Qualifier mon identité" }).click();
  await expect(page.getByText("Ce code n'est pas valable : vérifiez-le, ou demandez un nouveau courrier s'il a expiré.")).toBeVisible();
  await page.getByLabel("Code d'activation").fill(code);
  await page.getByRole("button", { name: "Qualifier mon identité" }).click();
  await expect(page.getByTestId("identity-status")).toContainText("avec le code reçu par courrier");
  await expectAccessible(page);
  expect(await e2eDb().identityQualification.findUnique({ where: { userId: patient.id }, select: { nir: true, method: true } })).toEqual({
    nir,
    method: "POSTAL_CODE",
  });
});

test("support settles an identity conflict from either party's ticket: both accounts, the qualifications' metadata, the decision", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const nir = newNir();
  const holder = await createAccount();
  const claimant = await createAccount();
  const agent = await createAccount({ roles: ["SUPPORT"] });
  // What a squatter's postal qualification followed by the real person's in-person attempt leaves behind.
  await e2eDb().user.update({
    where: { id: holder.id },
    data: { declaredNir: nir, identityQualification: { create: { nir, method: "POSTAL_CODE", qualifiedByLabel: "Camille Essai" } } },
  });
  await e2eDb().user.update({ where: { id: claimant.id }, data: { declaredNir: nir } });
  const ticket = (requesterId: string) =>
    e2eDb().supportTicket.create({
      data: {
        requesterId,
        topic: "IDENTITY",
        subject: "Conflit sur une identité de santé",
        messages: { create: { authorRole: "SUPPORT", authorLabel: "Espace santé (message automatique)", body: "Message automatique." } },
      },
      select: { id: true, number: true },
    });
  const [holderTicket, claimantTicket] = [await ticket(holder.id), await ticket(claimant.id)];
  await e2eDb().identityConflict.create({
    data: {
      nir,
      holderId: holder.id,
      claimantId: claimant.id,
      method: "IN_PERSON",
      documentType: "RESIDENCE_PERMIT",
      claimedByLabel: "Hélène Girard (Médecin)",
      holderTicketId: holderTicket.id,
      claimantTicketId: claimantTicket.id,
    },
  });

  await actAs(page, agent);
  await page.goto(`/admin/tickets/${claimantTicket.id}`);
  const panel = page.getByRole("region", { name: "Conflit d'identité" });
  await expect(panel.getByTestId("conflict-holder")).toContainText(`Compte ${holder.id}`);
  await expect(panel.getByTestId("conflict-holder")).toContainText(
    "Qualification : avec le code reçu par courrier, sans pièce, par Camille Essai",
  );
  await expect(panel.getByTestId("conflict-claimant")).toContainText(`Compte ${claimant.id}`);
  await expect(panel.getByTestId("conflict-claimant")).toContainText(
    "Tentative : en personne, sur présentation d'une pièce d'identité, Titre de séjour, par Hélène Girard (Médecin)",
  );
  await expect(panel.getByRole("link", { name: `Demande n° ${holderTicket.number}` })).toHaveAttribute(
    "href",
    `/admin/tickets/${holderTicket.id}`,
  );
  await expectAccessible(page);

  await panel.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(panel.getByText("Choisissez une décision.")).toBeVisible();
  await panel.getByLabel("Retirer la qualification à l'espace qualifié et qualifier l'espace demandeur").check();
  await panel
    .getByLabel("Motif (visible dans le journal de l'équipe)")
    .fill("Titre de séjour vu par le médecin traitant ; le titulaire n'a présenté aucune pièce.");
  await panel.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(panel).toContainText("Tranché le");
  await expect(page.getByTestId("ticket-status")).toHaveText("Fermée");
  await expectAccessible(page);
  expect(
    await e2eDb().identityQualification.findUnique({
      where: { userId: claimant.id },
      select: { nir: true, method: true, documentType: true },
    }),
  ).toEqual({ nir, method: "IN_PERSON", documentType: "RESIDENCE_PERMIT" });
  expect(await e2eDb().identityQualification.findUnique({ where: { userId: holder.id } })).toBeNull();

  // The holder is told, and the alert opens their ticket.
  await actAs(page, holder);
  await page.goto("/alertes");
  const alert = page.getByTestId("alert").filter({ hasText: "Le support a tranché le conflit sur votre identité de santé." });
  await expect(alert.getByRole("link")).toHaveAttribute("href", `/support/${holderTicket.id}`);
  await expectAccessible(page);
});
