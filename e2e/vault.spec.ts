import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { BrowserContext, Download, Page } from "@playwright/test";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { buildGreyPng } from "@/lib/vault/files/build-png";
import { expect, expectAccessible, test } from "./fixtures";
import { createAccount, signInAs } from "./support/accounts";
import { E2E_APP_URL } from "./support/environment";

/**
 * The patient's document pages as a person uses them: add files with progress bars, confirm the
 * category a PDF suggests, filter and search, preview and download, edit, hide, bin, restore and
 * delete for good, and the French reason when a file is refused. Each test makes its own patient.
 */

/** The word that exists only inside the PDF's text, to prove the search reads PDFs. */
const PDF_ONLY_WORD = "zygomatiquement";

// The tests run with the react-server condition, so the server-only test PDF builder loads here too.
const pdfBytes = buildTestPdf([
  [
    "ORDONNANCE",
    "Dr Sophie Bernard, medecine generale",
    "Paris, le 12 mars 2026",
    `Amoxicilline 1 g : 1 comprime matin et soir pendant 6 jours, ${PDF_ONLY_WORD}.`,
  ],
]);
/** A 24×24 grey PNG, enough for the preview to draw (the same builder the seed uses). */
const pngBytes = buildGreyPng({ width: 24, height: 24, pixel: () => 60 });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

async function newPatient(context: BrowserContext) {
  const patient = await createAccount();
  await signInAs(context, patient);
  return patient;
}

/** A document made through the upload route directly, for tests about what happens after. */
async function uploadThroughApi(
  context: BrowserContext,
  { title, fileName = "radio.png", bytes = pngBytes }: { title: string; fileName?: string; bytes?: Buffer },
) {
  const response = await context.request.post("/api/uploads", {
    data: bytes,
    headers: {
      "Content-Type": "application/octet-stream",
      Origin: E2E_APP_URL,
      "X-File-Name": encodeURIComponent(fileName),
      "X-Document-Title": encodeURIComponent(title),
      "X-Document-Category": "OTHER",
      "X-Document-Date": "2026-02-03",
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const documentRows = (page: Page) => page.getByTestId("document-row");
const listRow = (page: Page, title: string) => documentRows(page).filter({ has: page.getByRole("link", { name: title, exact: true }) });

test("a patient adds a PDF and an image, confirms the suggested category, filters, searches the PDF's text, previews and downloads the exact bytes", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await newPatient(page.context());
  await page.goto("/documents");
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
  await expect(page.getByText("Vous n'avez pas encore de document.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Choisir des fichiers").setInputFiles([
    { name: "ordonnance-mars.pdf", mimeType: "application/pdf", buffer: pdfBytes },
    { name: "radio-genou.png", mimeType: "image/png", buffer: pngBytes },
  ]);
  const pdfRow = page.getByTestId("upload-row").filter({ hasText: "ordonnance-mars.pdf" });
  const pngRow = page.getByTestId("upload-row").filter({ hasText: "radio-genou.png" });
  // Titles start as the file names without their extension; the date as today.
  await expect(pdfRow.getByLabel("Titre")).toHaveValue("ordonnance-mars");
  await expect(pngRow.getByLabel("Titre")).toHaveValue("radio-genou");
  await pngRow.getByLabel("Catégorie").selectOption({ label: "Imagerie" });
  await pngRow.getByLabel("Note (facultative)").fill("Genou droit, de face");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Envoyer les 2 documents" }).click();
  await expect(page.getByTestId("upload-summary")).toHaveText("2 documents ajoutés.");
  await expect(page.getByTestId("upload-summary")).toBeFocused();
  await expect(page.getByTestId("vault-announcer")).toHaveText("2 documents ajoutés.");
  for (const fileName of ["ordonnance-mars.pdf", "radio-genou.png"]) {
    await expect(page.getByRole("progressbar", { name: `Envoi de « ${fileName} »` })).toHaveJSProperty("value", 100);
  }

  // The PDF's text says "ordonnance" and "le 12 mars 2026": offered, applied only when the patient agrees.
  const suggestion = pdfRow.getByTestId("upload-suggestion");
  await expect(suggestion).toContainText("Catégorie suggérée : Ordonnance");
  await expect(suggestion).toContainText("Date suggérée : 12 mars 2026");
  // The confirmation's fields start from the suggestion, not from "Autre" and today.
  await expect(suggestion.getByLabel("Catégorie")).toHaveValue("PRESCRIPTION");
  await expect(suggestion.getByLabel("Date du document")).toHaveValue("2026-03-12");
  await expect(pngRow.getByTestId("upload-suggestion")).toHaveCount(0);
  await expectAccessible(page);
  await suggestion.getByRole("button", { name: "Appliquer la suggestion" }).click();
  await expect(pdfRow.getByText("Suggestion appliquée.")).toBeVisible();

  // The list followed the uploads and the applied suggestion without a reload.
  await expect(documentRows(page)).toHaveCount(2);
  await expect(listRow(page, "ordonnance-mars")).toContainText("Ordonnance · Document du 12 mars 2026");
  await expect(listRow(page, "ordonnance-mars")).toContainText(/Ajouté par vous le \d{1,2} \S+ \d{4}/);
  await expect(listRow(page, "radio-genou")).toContainText("Imagerie");

  const search = page.getByRole("search");
  await search.getByLabel("Catégorie").selectOption({ label: "Imagerie" });
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/[?&]category=IMAGING/);
  await expect(documentRows(page)).toHaveCount(1);
  await expect(listRow(page, "radio-genou")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("La liste est à jour : 1 document.");
  await expectAccessible(page);

  // The filters survive a reload (they are in the address).
  await page.reload();
  await expect(page.getByRole("search").getByLabel("Catégorie")).toHaveValue("IMAGING");
  await expect(documentRows(page)).toHaveCount(1);

  await page.getByRole("search").getByRole("button", { name: "Effacer les filtres" }).click();
  await expect(documentRows(page)).toHaveCount(2);
  await page.getByRole("search").getByLabel("Rechercher dans les titres").fill(PDF_ONLY_WORD);
  await page.getByRole("search").getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${PDF_ONLY_WORD}`));
  await expect(documentRows(page)).toHaveCount(1);
  await expect(listRow(page, "ordonnance-mars")).toBeVisible();

  // The PDF, drawn by pdf.js, and its exact bytes.
  await listRow(page, "ordonnance-mars").getByRole("link", { name: "ordonnance-mars" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ordonnance-mars" })).toBeVisible();
  await expect(page.getByTestId("added-by")).toHaveText(/^Ajouté par vous le /);
  const pdfPage = page.getByRole("img", { name: "Page 1 sur 1 du document « ordonnance-mars »" });
  await expect(pdfPage).toBeVisible();
  await expect(pdfPage).toHaveAttribute("data-rendered", "true");
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger « ordonnance-mars »" }).click();
  expect(sha256(await downloadedBytes(await pdfDownload))).toBe(sha256(pdfBytes));
  await expectAccessible(page);

  // The image, shown in the page with a text alternative, and its exact bytes.
  await page.getByRole("link", { name: "Retour à mes documents" }).click();
  await page.getByRole("search").getByRole("button", { name: "Effacer les filtres" }).click();
  await listRow(page, "radio-genou").getByRole("link", { name: "radio-genou" }).click();
  const image = page.getByRole("img", { name: "Aperçu du document « radio-genou »" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(24);
  await expect(page.getByLabel("Note (facultative)")).toHaveValue("Genou droit, de face");
  const pngDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger « radio-genou »" }).click();
  expect(sha256(await downloadedBytes(await pngDownload))).toBe(sha256(pngBytes));
});

test("a patient edits a document, hides it from professionals, bins it, restores it, bins it from the list and deletes it for good", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await newPatient(page.context());
  const id = await uploadThroughApi(page.context(), { title: "Radio" });

  await page.goto(`/documents/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Radio" })).toBeVisible();
  await page.getByLabel("Titre").fill("Radio du genou droit");
  await page.getByLabel("Catégorie").selectOption({ label: "Imagerie" });
  await page.getByLabel("Date du document").fill("2026-01-15");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Radio du genou droit" })).toBeVisible();
  await expect(page.getByText("Imagerie · Document du 15 janvier 2026")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("Modifications enregistrées.");

  const hide = page.getByRole("button", { name: "Masquer aux professionnels" });
  await expect(hide).toHaveAttribute("aria-pressed", "false");
  await hide.click();
  await expect(hide).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Masqué aux professionnels", { exact: true })).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("Le document est masqué aux professionnels.");

  // A problem report, without health details.
  await page.getByLabel("Motif").selectOption({ label: "Document en double" });
  await expect(page.getByLabel("Précisions (facultatives)")).toHaveAccessibleDescription(/N'écrivez aucune information de santé/);
  await page.getByLabel("Précisions (facultatives)").fill("Envoyé deux fois par erreur.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merci, votre signalement a été transmis au support." })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Mettre à la corbeille" }).click();
  await expect(page.getByTestId("bin-notice")).toContainText(/Il sera supprimé définitivement le \d{1,2} \S+ \d{4}\./);
  await expect(page.getByTestId("bin-notice")).toBeFocused();
  await expectAccessible(page);

  await page.goto("/documents");
  await expect(page.getByText("Vous n'avez pas encore de document.")).toBeVisible();
  await page.getByRole("link", { name: "Corbeille" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Corbeille" })).toBeVisible();
  await expect(page.getByText("supprimés définitivement 30 jours après")).toBeVisible();
  const binRow = page.getByTestId("bin-row").filter({ hasText: "Radio du genou droit" });
  await expect(binRow).toContainText(/Supprimé définitivement le /);
  await expectAccessible(page);
  await binRow.getByRole("button", { name: "Restaurer « Radio du genou droit »" }).click();
  await expect(page.getByText("La corbeille est vide.")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("« Radio du genou droit » est restauré dans vos documents.");

  // Back in the list, still hidden; moved to the bin again with the bulk actions.
  await page.getByRole("link", { name: "Retour à mes documents" }).click();
  const row = listRow(page, "Radio du genou droit");
  await expect(row).toContainText("Masqué aux professionnels");
  await row.getByRole("checkbox", { name: "Sélectionner « Radio du genou droit »" }).check();
  const bulk = page.getByTestId("bulk-actions");
  await expect(bulk).toContainText("1 document sélectionné");
  await expectAccessible(page);
  await bulk.getByRole("button", { name: "Mettre à la corbeille" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText("1 document mis à la corbeille.");
  await expect(documentRows(page)).toHaveCount(0);

  await page.goto("/documents/corbeille");
  await page.getByRole("button", { name: "Supprimer définitivement « Radio du genou droit »" }).click();
  const confirm = page.getByRole("button", { name: "Oui, supprimer définitivement" });
  await expect(confirm).toBeFocused();
  await expect(page.getByText("cette action est irréversible")).toBeVisible();
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("button", { name: "Supprimer définitivement « Radio du genou droit »" })).toBeFocused();
  await page.getByRole("button", { name: "Supprimer définitivement « Radio du genou droit »" }).click();
  await confirm.click();
  await expect(page.getByText("La corbeille est vide.")).toBeVisible();
  await expect(page.getByTestId("vault-announcer")).toHaveText("« Radio du genou droit » est supprimé définitivement.");
  expect((await page.context().request.get(`/api/documents/${id}/file`)).status()).toBe(404);
});

test("bulk actions change the category and hide several documents at once", async ({ page }) => {
  await newPatient(page.context());
  await uploadThroughApi(page.context(), { title: "Bilan A" });
  await uploadThroughApi(page.context(), { title: "Bilan B" });
  await page.goto("/documents");
  await expect(documentRows(page)).toHaveCount(2);
  await page.getByRole("checkbox", { name: "Tout sélectionner" }).check();
  const bulk = page.getByTestId("bulk-actions");
  await expect(bulk).toContainText("2 documents sélectionnés");
  await bulk.getByLabel("Nouvelle catégorie").selectOption({ label: "Biologie" });
  await bulk.getByRole("button", { name: "Changer la catégorie" }).click();
  await expect(page.getByTestId("vault-announcer")).toHaveText("2 documents modifiés.");
  await expect(page.getByRole("heading", { level: 2, name: "Liste des documents" })).toBeFocused();
  await expect(documentRows(page).filter({ hasText: "Biologie" })).toHaveCount(2);

  await page.getByRole("checkbox", { name: "Tout sélectionner" }).check();
  await bulk.getByRole("button", { name: "Masquer aux professionnels" }).click();
  await expect(documentRows(page).filter({ hasText: "Masqué aux professionnels" })).toHaveCount(2);
});

test("refused files are refused in the browser, in French, before any byte is sent, and the other file still goes in", async ({ page }) => {
  await newPatient(page.context());
  await page.goto("/documents");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/uploads")
      uploads.push(decodeURIComponent(request.headers()["x-file-name"] ?? ""));
  });
  await page.getByLabel("Choisir des fichiers").setInputFiles([
    {
      name: "installer.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(200)]),
    },
    {
      name: "radio.png",
      mimeType: "image/png",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    },
    { name: "scan.jpg", mimeType: "image/jpeg", buffer: pdfBytes },
    { name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
    { name: "radio-vraie.png", mimeType: "image/png", buffer: pngBytes },
  ]);
  const row = (fileName: string) => page.getByTestId("upload-row").filter({ hasText: `« ${fileName} »` });
  // Each refusal is the server's own sentence, shown at once next to the file.
  await expect(row("installer.exe").getByTestId("upload-error")).toContainText("Ce type de fichier n'est pas accepté.");
  await expect(row("radio.png").getByTestId("upload-error")).toContainText(/ne correspond pas à son extension|n'est pas accepté/);
  await expect(row("scan.jpg").getByTestId("upload-error")).toContainText("ne correspond pas à son extension");
  await expect(row("vide.pdf").getByTestId("upload-error")).toContainText("Ce fichier est vide.");
  await expect(row("radio-vraie.png").getByTestId("upload-error")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Envoyer le document" }).click();
  await expect(page.getByTestId("upload-summary")).toHaveText("1 document ajouté.");
  await expect(listRow(page, "radio-vraie")).toBeVisible();
  await expect(documentRows(page)).toHaveCount(1);
  expect(uploads).toEqual(["radio-vraie.png"]);
});

test("the filter form keeps what is typed while the list reloads, and shows the address's filters after a link", async ({ page }) => {
  await newPatient(page.context());
  await page.goto("/documents");
  const search = page.getByRole("search");
  const words = search.getByLabel("Rechercher dans les titres");
  await words.fill("ordonnance");
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/[?&]q=ordonnance/);
  await expect(page.getByTestId("list-count")).toHaveText("Aucun document affiché");

  // Hold the page's next server round for a moment, as a slow network would, while the patient types on.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const documentsPage = (url: URL) => url.pathname === "/documents";
  await page.route(documentsPage, async (route) => {
    if (route.request().headers()["rsc"]) await held;
    await route.continue();
  });
  await search.getByRole("button", { name: "Effacer les filtres" }).click();
  await expect(words).toHaveValue("");
  await words.fill("radio");
  release();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByTestId("list-count")).toHaveText("Aucun document affiché");
  await expect(words).toHaveValue("radio");
  await page.unroute(documentsPage);

  // A link to the page is not the form's doing: the form shows the address's filters (none) again.
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/[?&]q=radio/);
  await page.getByRole("navigation", { name: "Navigation de l'espace" }).getByRole("link", { name: "Mes documents" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(words).toHaveValue("");
});

test("another patient gets 404 on the first patient's document page and file", async ({ page, browser }) => {
  const owner = await browser.newContext({ baseURL: E2E_APP_URL });
  await newPatient(owner);
  const id = await uploadThroughApi(owner, { title: "Radio confidentielle" });
  await newPatient(page.context());

  const response = await page.goto(`/documents/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Radio confidentielle")).toHaveCount(0);
  const file = await page.context().request.get(`/api/documents/${id}/file`);
  expect(file.status()).toBe(404);
  expect((await page.context().request.get(`/api/documents/${id}/file?download=1`)).status()).toBe(404);
  await owner.close();
});

test("the document pages fit a phone's screen without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await newPatient(page.context());
  const id = await uploadThroughApi(page.context(), { title: "Compte rendu de consultation de cardiologie avec un titre plutôt long" });
  const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  await page.goto("/documents");
  await page
    .getByLabel("Choisir des fichiers")
    .setInputFiles([{ name: "un-nom-de-fichier-vraiment-tres-long-sans-espaces-du-tout.png", mimeType: "image/png", buffer: pngBytes }]);
  await expect(documentRows(page)).toHaveCount(1);
  expect(await fitsWidth()).toBe(true);
  await page.goto(`/documents/${id}`);
  await expect(page.getByRole("img", { name: /Aperçu du document/ })).toBeVisible();
  expect(await fitsWidth()).toBe(true);
  await page.goto("/documents/corbeille");
  await expect(page.getByText("La corbeille est vide.")).toBeVisible();
  expect(await fitsWidth()).toBe(true);
});
