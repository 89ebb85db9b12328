<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Om Utredningsstöd</source>
        <translation>About Utredningsstöd</translation>
    </message>
    <message>
        <source>Utredningsstöd</source>
        <translation>Utredningsstöd</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Ett skrivbordsverktyg för parlamentariska utredningar i en region: ledamöter, styrmodeller, bedömningar, skattningar, förslag, rapporttext, remiss och reservationer i en enda fil som fungerar utan nätverk.</source>
        <translation>A desktop tool for a region&apos;s parliamentary investigations: members, governance models, assessments, estimates, proposals, report text, consultation and dissents in a single file that works offline.</translation>
    </message>
</context>
<context>
    <name>Bedömningar</name>
    <message>
        <source>Varje styrmodell bedöms mot varje bedömningsgrund. Skriv poängen direkt i rutan (Retur eller F2 för att ändra; töm rutan för att ta bort poängen). Färgen går från rött för låg till grönt för hög poäng.</source>
        <translation>Each governance model is scored against each criterion. Type the score into the cell (Enter or F2 to edit; clear the cell to remove the score). Colours go from red for low to green for high scores.</translation>
    </message>
    <message>
        <source>Bedömningsmatris</source>
        <translation>Assessment matrix</translation>
    </message>
    <message>
        <source>Felmeddelande</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Skala: %1 (sämst) – %2 (bäst).</source>
        <translation>Scale: %1 (worst) – %2 (best).</translation>
    </message>
    <message>
        <source>Bedöm %1 / %2</source>
        <translation>Score %1 / %2</translation>
    </message>
</context>
<context>
    <name>CodingWidget</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Förslag</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Ställningstagande</source>
        <translation>Stance</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Citera markeringen</source>
        <translation>Quote the selection</translation>
    </message>
    <message>
        <source>Nyckelcitat på/av</source>
        <translation>Key quote on/off</translation>
    </message>
    <message>
        <source>Ta bort citat</source>
        <translation>Remove quote</translation>
    </message>
    <message>
        <source>Kort sammanfattning av svaret …</source>
        <translation>Short summary of the response …</translation>
    </message>
    <message>
        <source>Spara sammanfattning</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <source>Remissomgång:</source>
        <translation>Consultation round:</translation>
    </message>
    <message>
        <source>Remissvar</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>Ställningstaganden per förslag</source>
        <translation>Stances per proposal</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source> · inkom sent</source>
        <translation> · late</translation>
    </message>
    <message>
        <source>Inget remissvar valt.</source>
        <translation>No response selected.</translation>
    </message>
    <message>
        <source>OCR-tolkad text (sidorna %1): kontrollera mot originalet</source>
        <translation>OCR text (pages %1): check against the original</translation>
    </message>
    <message>
        <source>(ej angivet)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>[förslag %1] </source>
        <translation>[proposal %1] </translation>
    </message>
    <message>
        <source>inga ställningstaganden kändes igen i texten</source>
        <translation>no stances were recognised in the text</translation>
    </message>
    <message>
        <source>Ta emot förslag</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <source>Citat</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Centralt citat</source>
        <translation>Key quote</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Konflikter från sammanslagningar</source>
        <translation>Conflicts from merges</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tabell</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Bas (innan någon ändrade)</source>
        <translation>Base (before anyone changed it)</translation>
    </message>
    <message>
        <source>Mina (den här filen)</source>
        <translation>Mine (this file)</translation>
    </message>
    <message>
        <source>Deras (kopian)</source>
        <translation>Theirs (the copy)</translation>
    </message>
    <message>
        <source>Sammanslagen text (redigera och använd):</source>
        <translation>Merged text (edit and use):</translation>
    </message>
    <message>
        <source>Behåll mina</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Ta deras</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Använd sammanslagen text</source>
        <translation>Use merged text</translation>
    </message>
    <message>
        <source>%1 olösta konflikter</source>
        <translation>%1 unresolved conflicts</translation>
    </message>
    <message>
        <source>Lös konflikt %1</source>
        <translation>Resolve conflict %1</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Anslut till server</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>Utredningar på regionens PostgreSQL-server. Adressen skrivs som postgresql://användare@server/databas.</source>
        <translation>Investigations on the region&apos;s PostgreSQL server. Write the address as postgresql://user@server/database.</translation>
    </message>
    <message>
        <source>&amp;Adress:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Lösenord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Kom ihåg lösenordet i datorns &amp;nyckelring</source>
        <translation>Remember the password in the computer&apos;s &amp;keyring</translation>
    </message>
    <message>
        <source>&amp;Hämta utredningar</source>
        <translation>&amp;Fetch investigations</translation>
    </message>
    <message>
        <source>&amp;Utredning:</source>
        <translation>&amp;Investigation:</translation>
    </message>
    <message>
        <source>&amp;Anslut</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hämtar utredningarna från servern …</source>
        <translation>Fetching the investigations from the server …</translation>
    </message>
    <message>
        <source>Välj utredningen och klicka Anslut.</source>
        <translation>Choose the investigation and click Connect.</translation>
    </message>
    <message>
        <source>Det finns ingen utredning i den databasen.</source>
        <translation>There is no investigation in that database.</translation>
    </message>
    <message>
        <source>Hämta kopia för offline</source>
        <translation>Fetch copy for offline work</translation>
    </message>
    <message>
        <source>Utredningar (*.utredning)</source>
        <translation>Investigations (*.utredning)</translation>
    </message>
    <message>
        <source>Kopian är hämtad</source>
        <translation>The copy has been fetched</translation>
    </message>
    <message>
        <source>Kopian sparades: %1. Öppna den nu för att arbeta offline? Ändringarna förs tillbaka med Arkiv ▸ Slå ihop med kopia… när du är ansluten igen.</source>
        <translation>The copy was saved: %1. Open it now to work offline? Bring the changes back with File ▸ Merge with copy… when you are connected again.</translation>
    </message>
    <message>
        <source>Hämtar kopia …</source>
        <translation>Fetching copy …</translation>
    </message>
</context>
<context>
    <name>ConsulteeImportDialog</name>
    <message>
        <source>Importera remissinstanser</source>
        <translation>Import consultees</translation>
    </message>
    <message>
        <source>(ingen kolumn)</source>
        <translation>(no column)</translation>
    </message>
    <message>
        <source>Kolumn %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>%1, bladet %2 (rubriker på rad %3): välj vilken kolumn som innehåller vad.</source>
        <translation>%1, sheet %2 (headers in row %3): choose which column holds what.</translation>
    </message>
    <message>
        <source>%1 nya, %2 dubbletter hoppas över, %3 rader avvisas.</source>
        <translation>%1 new, %2 duplicates skipped, %3 rows rejected.</translation>
    </message>
    <message>
        <source>rad %1: «%2» finns redan som «%3»</source>
        <translation>row %1: “%2” already exists as “%3”</translation>
    </message>
</context>
<context>
    <name>Diagram</name>
    <message>
        <source>Skillnad mot nollalternativet, nuvärde %1</source>
        <translation>Difference from the baseline, present value %1</translation>
    </message>
    <message>
        <source>mnkr, alternativ − nollalternativ (r = %1)</source>
        <translation>SEK m, option − baseline (r = %1)</translation>
    </message>
    <message>
        <source>Kostnad per alternativ, nuvärde %1</source>
        <translation>Cost per option, present value %1</translation>
    </message>
    <message>
        <source>mnkr; stapel = bas, linje = låg–hög (r = %1)</source>
        <translation>SEK m; bar = base, line = low–high (r = %1)</translation>
    </message>
    <message>
        <source>mnkr per år (linje = bas, fält = låg–hög)</source>
        <translation>SEK m per year (line = base, band = low–high)</translation>
    </message>
    <message>
        <source>Kostnad över åren</source>
        <translation>Cost over the years</translation>
    </message>
    <message>
        <source>skattningen på lågt värde</source>
        <translation>estimate at its low value</translation>
    </message>
    <message>
        <source>skattningen på högt värde</source>
        <translation>estimate at its high value</translation>
    </message>
    <message>
        <source>nuvärde, mnkr (bas %1, övriga på bas)</source>
        <translation>present value, SEK m (base %1, others at base)</translation>
    </message>
    <message>
        <source>Vad styr osäkerheten – alternativ %1</source>
        <translation>What drives the uncertainty – option %1</translation>
    </message>
    <message>
        <source>dyrare än i dag: %1</source>
        <translation>costlier than today: %1</translation>
    </message>
    <message>
        <source>nuvärde, mnkr (stapel = 80 % av utfallen, streck = mittvärdet)</source>
        <translation>present value, SEK m (bar = 80 % of outcomes, mark = median)</translation>
    </message>
    <message>
        <source>Simulerade kostnader: %1 slumpade utfall</source>
        <translation>Simulated costs: %1 random outcomes</translation>
    </message>
    <message>
        <source>Ingen rangordning: poäng eller vikter saknas</source>
        <translation>No ranking: scores or weights are missing</translation>
    </message>
    <message>
        <source>Rangordning per viktprofil (placering och viktad poäng)</source>
        <translation>Ranking per weight profile (rank and weighted score)</translation>
    </message>
    <message>
        <source>placering (1 = bäst)</source>
        <translation>rank (1 = best)</translation>
    </message>
    <message>
        <source>%1 förblir bäst</source>
        <translation>%1 stays best</translation>
    </message>
    <message>
        <source>nuvarande vikt</source>
        <translation>current weight</translation>
    </message>
    <message>
        <source>vikt, % (övriga vikter skalas i proportion)</source>
        <translation>weight, % (other weights scaled in proportion)</translation>
    </message>
    <message>
        <source>Stabilitetsintervall – %1</source>
        <translation>Stability range – %1</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Någon annan ändrade samtidigt</source>
        <translation>Someone else changed it at the same time</translation>
    </message>
    <message>
        <source>%1 sparade %2 medan du redigerade%3. Din ändring är inte sparad ännu: läs in deras version, eller behåll din (den ersätter deras; det går att ångra).</source>
        <translation>%1 saved %2 while you were editing%3. Your change is not saved yet: load their version, or keep yours (it replaces theirs; it can be undone).</translation>
    </message>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Deras (sparat nu)</source>
        <translation>Theirs (saved now)</translation>
    </message>
    <message>
        <source>Din ändring</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>&amp;Läs in deras</source>
        <translation>&amp;Load theirs</translation>
    </message>
    <message>
        <source>&amp;Behåll min</source>
        <translation>&amp;Keep mine</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Spara (Ctrl+Retur)</source>
        <translation>Save (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Redigera</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Fält markerade med * måste fyllas i. Ändringen sparas direkt i filen och kan ångras.</source>
        <translation>Fields marked * are required. The change is saved to the file at once and can be undone.</translation>
    </message>
    <message>
        <source>Fel i formuläret</source>
        <translation>Errors in the form</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Filtrera…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>Filtrera %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Lägg till (Ins)</source>
        <translation>Add (Ins)</translation>
    </message>
    <message>
        <source>Redigera</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Redigera markerad rad (F2 eller Retur)</source>
        <translation>Edit the selected row (F2 or Enter)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ta bort markerad rad (Del) – kan ångras</source>
        <translation>Delete the selected row (Del) – can be undone</translation>
    </message>
    <message numerus="yes">
        <source>(%n st)</source>
        <translation>
            <numerusform>(%n)</numerusform>
            <numerusform>(%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 «%2» finns redan här. Välj ett annat värde.</source>
        <translation>%1 «%2» already exists here. Choose another value.</translation>
    </message>
    <message>
        <source>Ny: %1</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <source>Skapa %1</source>
        <translation>Create %1</translation>
    </message>
    <message>
        <source>Redigera: %1</source>
        <translation>Edit: %1</translation>
    </message>
    <message>
        <source>Ändra %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>Ta bort %1? Det går att ångra med Ctrl+Z.</source>
        <translation>Delete %1? You can undo it with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Ta bort %1</source>
        <translation>Delete %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Exportera JSON-arkiv</source>
        <translation>Export JSON archive</translation>
    </message>
    <message>
        <source>Exporterar arkiv…</source>
        <translation>Exporting archive…</translation>
    </message>
    <message>
        <source>Arkivet skrevs: %1</source>
        <translation>Archive written: %1</translation>
    </message>
    <message>
        <source>Öppet JSON-arkiv…</source>
        <translation>Open JSON archive…</translation>
    </message>
    <message>
        <source>Delrapport (Word)…</source>
        <translation>Interim report (Word)…</translation>
    </message>
    <message>
        <source>Slutrapport (Word)…</source>
        <translation>Final report (Word)…</translation>
    </message>
    <message>
        <source>Remissammanställning (Word)…</source>
        <translation>Consultation summary (Word)…</translation>
    </message>
    <message>
        <source>Tjänsteutlåtande (Word)…</source>
        <translation>Official report (Word)…</translation>
    </message>
    <message>
        <source>Remissammanställning (Excel)…</source>
        <translation>Consultation summary (Excel)…</translation>
    </message>
    <message>
        <source>Kostnadsmodell (Excel)…</source>
        <translation>Cost model (Excel)…</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Skriver ändringsloggen …</source>
        <translation>Writing the change log …</translation>
    </message>
    <message>
        <source>Ändringsloggen skrevs: %1</source>
        <translation>Change log written: %1</translation>
    </message>
    <message>
        <source>Ändringsloggen (Excel)…</source>
        <translation>Change log (Excel)…</translation>
    </message>
</context>
<context>
    <name>Filsäkerhet</name>
    <message>
        <source>okänd tid</source>
        <translation>unknown time</translation>
    </message>
    <message>
        <source>Filen %1 är redan öppen för redigering av %2 på datorn %3 (sedan %4). Du kan öppna den skrivskyddad, eller avbryta och försöka igen när den har stängts. (Om den datorn har kraschat kan du ta över låset.)</source>
        <translation>The file %1 is already open for editing by %2 on the computer %3 (since %4). You can open it read-only, or cancel and try again when it has been closed. (If that computer has crashed, you can take over the lock.)</translation>
    </message>
    <message>
        <source>okänd användare</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <source>okänd</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Filen är redan öppen</source>
        <translation>The file is already open</translation>
    </message>
    <message>
        <source>Öppna &amp;skrivskyddad</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>&amp;Ta över…</source>
        <translation>&amp;Take over…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ta över filen</source>
        <translation>Take over the file</translation>
    </message>
    <message>
        <source>Ta bara över filen om du vet att den andra datorn är avstängd eller har kraschat. Annars kan ni skriva över varandras ändringar. Ta över?</source>
        <translation>Only take over the file if you know the other computer is switched off or has crashed. Otherwise you may overwrite each other’s changes. Take over?</translation>
    </message>
</context>
<context>
    <name>Fält</name>
    <message>
        <source>Ledamöter</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Partier</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Reservationer och särskilda yttranden</source>
        <translation>Dissents and special statements</translation>
    </message>
    <message>
        <source>Verksamheter</source>
        <translation>Providers</translation>
    </message>
    <message>
        <source>Skattningar</source>
        <translation>Estimates</translation>
    </message>
    <message>
        <source>Värden per år</source>
        <translation>Values per year</translation>
    </message>
    <message>
        <source>Förslag</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Bedömningsgrunder</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Styrmodeller</source>
        <translation>Governance models</translation>
    </message>
    <message>
        <source>Remissomgångar</source>
        <translation>Consultation rounds</translation>
    </message>
    <message>
        <source>Remissinstanser</source>
        <translation>Consultees</translation>
    </message>
    <message>
        <source>Remissvar</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>Ställningstaganden</source>
        <translation>Stances</translation>
    </message>
    <message>
        <source>Milstolpar</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Milstolpe</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Benämning</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Parti</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Förkortning</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <source>t.ex. S</source>
        <translation>e.g. S</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Färg</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>#RRGGBB</source>
        <translation>#RRGGBB</translation>
    </message>
    <message>
        <source>Ordning</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Ledamot</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Verksamhet</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Kortnamn</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Driftform</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Styrs av</source>
        <translation>Governed by</translation>
    </message>
    <message>
        <source>Anställda</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Omsättning (mnkr)</source>
        <translation>Turnover (SEK m)</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Styrmodell</source>
        <translation>Governance model</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>t.ex. A1</source>
        <translation>e.g. A1</translation>
    </message>
    <message>
        <source>Nollalternativ</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Legala aspekter</source>
        <translation>Legal aspects</translation>
    </message>
    <message>
        <source>Effekter</source>
        <translation>Effects</translation>
    </message>
    <message>
        <source>Bedömningsgrund</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Vikt</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Skattning</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>t.ex. mnkr</source>
        <translation>e.g. mnkr</translation>
    </message>
    <message>
        <source>Bärs av</source>
        <translation>Borne by</translation>
    </message>
    <message>
        <source>Prisbasår</source>
        <translation>Price base year</translation>
    </message>
    <message>
        <source>Antagande</source>
        <translation>Assumption</translation>
    </message>
    <message>
        <source>Finansiering</source>
        <translation>Financing</translation>
    </message>
    <message>
        <source>Värde för ett år</source>
        <translation>Value for one year</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Bas</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Förslagstext</source>
        <translation>Proposal text</translation>
    </message>
    <message>
        <source>I delrapporten</source>
        <translation>In the interim report</translation>
    </message>
    <message>
        <source>I slutrapporten</source>
        <translation>In the final report</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nyckel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>t.ex. sammanfattning</source>
        <translation>e.g. sammanfattning</translation>
    </message>
    <message>
        <source>Synlighet</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Författare</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Författarens parti</source>
        <translation>Author&apos;s party</translation>
    </message>
    <message>
        <source>Remissomgång</source>
        <translation>Consultation round</translation>
    </message>
    <message>
        <source>Skickad</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Sista svarsdag</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Remissinstans</source>
        <translation>Consultee</translation>
    </message>
    <message>
        <source>Inbjuden</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Deras diarienummer</source>
        <translation>Their reference</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Ställningstagande</source>
        <translation>Stance</translation>
    </message>
    <message>
        <source>Ställning</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Reservation eller särskilt yttrande</source>
        <translation>Dissent or special statement</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Utredning</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Uppdragsgivare</source>
        <translation>Commissioned by</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Förvaltning</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Handläggare</source>
        <translation>Case officer</translation>
    </message>
    <message>
        <source>Kontaktuppgifter</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>Beslutad</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Direktiv</source>
        <translation>Terms of reference</translation>
    </message>
    <message>
        <source>Lägsta poäng</source>
        <translation>Lowest score</translation>
    </message>
    <message>
        <source>Högsta poäng</source>
        <translation>Highest score</translation>
    </message>
    <message>
        <source>Första år i kalkylen</source>
        <translation>First year of the calculation</translation>
    </message>
    <message>
        <source>Antal år i kalkylen</source>
        <translation>Years in the calculation</translation>
    </message>
    <message>
        <source>Diskonteringsränta</source>
        <translation>Discount rate</translation>
    </message>
    <message>
        <source>Bygger på styrmodeller</source>
        <translation>Builds on governance models</translation>
    </message>
    <message>
        <source>Koppling till styrmodell</source>
        <translation>Link to governance model</translation>
    </message>
    <message>
        <source>Förslag på remiss</source>
        <translation>Proposals sent for consultation</translation>
    </message>
    <message>
        <source>Undertecknare</source>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>Citat</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>Nyckelcitat</source>
        <translation>Key quote</translation>
    </message>
    <message>
        <source>Viktprofiler</source>
        <translation>Weight profiles</translation>
    </message>
    <message>
        <source>Viktprofil</source>
        <translation>Weight profile</translation>
    </message>
    <message>
        <source>Vikter</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Frisläppt till gruppen</source>
        <translation>Released to the group</translation>
    </message>
</context>
<context>
    <name>Fältredigerare</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Ange ett heltal, t.ex. 1 200.</source>
        <translation>Enter a whole number, e.g. 1 200.</translation>
    </message>
    <message>
        <source>Ange ett heltal utan decimaler.</source>
        <translation>Enter a whole number without decimals.</translation>
    </message>
    <message>
        <source>Ange ett tal, t.ex. 1 234,5.</source>
        <translation>Enter a number, e.g. 1 234,5.</translation>
    </message>
    <message>
        <source>Ange ett datum som ÅÅÅÅ-MM-DD, t.ex. 2023-06-30.</source>
        <translation>Enter a date as YYYY-MM-DD, e.g. 2023-06-30.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Användarhandledning</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Handledningen saknas i installationen.</source>
        <translation>The user guide is missing from the installation.</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skriv ditt namn: det står i ändringsloggen vid dina ändringar.</source>
        <translation>Enter your name: it is shown in the change log next to your changes.</translation>
    </message>
    <message>
        <source>Vem är du?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <source>Ditt namn och parti eller roll står i ändringsloggen vid varje ändring du gör, så att gruppen ser vem som ändrat vad. Uppgifterna sparas bara på den här datorn.</source>
        <translation>Your name and party or role are recorded in the change log with every change you make, so the group can see who changed what. They are stored only on this computer.</translation>
    </message>
    <message>
        <source>&amp;Namn *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>t.ex. Anna Andersson</source>
        <translation>e.g. Anna Andersson</translation>
    </message>
    <message>
        <source>&amp;Parti</source>
        <translation>&amp;Party</translation>
    </message>
    <message>
        <source>Parti</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Språk i programmet</source>
        <translation>Language of the program</translation>
    </message>
    <message>
        <source>Byte av språk gäller från nästa start.</source>
        <translation>A new language takes effect at the next start.</translation>
    </message>
</context>
<context>
    <name>ImportWidget</name>
    <message>
        <source>Dra hit remissvar (Word, PDF eller ifyllda svarsmallar), eller välj filer. Varje fil kopplas till en remissinstans – kontrollera förslagen innan du läser in.</source>
        <translation>Drop consultation responses here (Word, PDF or filled-in response forms), or choose files. Each file is matched to a consultee – check the suggestions before importing.</translation>
    </message>
    <message>
        <source>Välj filer …</source>
        <translation>Choose files …</translation>
    </message>
    <message>
        <source>Läs in markerade</source>
        <translation>Import selected</translation>
    </message>
    <message>
        <source>Töm listan</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ta med</source>
        <translation>Include</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Remissinstans</source>
        <translation>Consultee</translation>
    </message>
    <message>
        <source>Kopplad via</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>Belägg</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Anmärkning</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Remissomgång:</source>
        <translation>Consultation round:</translation>
    </message>
    <message>
        <source>Inkom:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Välj remissvar</source>
        <translation>Choose responses</translation>
    </message>
    <message>
        <source>Remissvar (*.docx *.pdf *.xlsx *.eml *.msg);;Alla filer (*)</source>
        <translation>Consultation responses (*.docx *.pdf *.xlsx *.eml *.msg);;All files (*)</translation>
    </message>
    <message>
        <source>(välj remissinstans)</source>
        <translation>(choose consultee)</translation>
    </message>
    <message>
        <source>%1 (ny, ej inbjuden)</source>
        <translation>%1 (new, not invited)</translation>
    </message>
    <message>
        <source>Tolka med OCR</source>
        <translation>Read with OCR</translation>
    </message>
    <message>
        <source>Texten ser förvrängd ut: läs sidorna med OCR i stället</source>
        <translation>The text looks garbled: read the pages with OCR instead</translation>
    </message>
    <message>
        <source>Ny instans</source>
        <translation>New consultee</translation>
    </message>
    <message>
        <source>Registrera avsändaren som ny remissinstans, markerad ej inbjuden (ett svar på eget initiativ)</source>
        <translation>Register the sender as a new consultee, marked not invited (an unsolicited answer)</translation>
    </message>
    <message numerus="yes">
        <source>%n svar lästes in.</source>
        <translation>
            <numerusform>%n response imported.</numerusform>
            <numerusform>%n responses imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sena svar: </source>
        <translation>Late responses: </translation>
    </message>
    <message>
        <source>Inte inlästa:</source>
        <translation>Not imported:</translation>
    </message>
</context>
<context>
    <name>Kostnader</name>
    <message>
        <source>Kostnader per styrmodell i mnkr: nuvärde över planeringshorisonten med låg, bas och hög skattning, skillnaden mot nollalternativet och osäkerheten (Monte Carlo). Ändra skattningarna i vyn Skattningar eller i Excel.</source>
        <translation>Costs per governance model in SEK m: present value over the planning horizon with low, base and high estimates, the difference from the baseline and the uncertainty (Monte Carlo). Change the estimates in the Estimates view or in Excel.</translation>
    </message>
    <message>
        <source>Exportera till Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Läs in ändringar från Excel…</source>
        <translation>Read changes from Excel…</translation>
    </message>
    <message>
        <source>Alternativ</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Nuvärde låg</source>
        <translation>PV low</translation>
    </message>
    <message>
        <source>Nuvärde bas</source>
        <translation>PV base</translation>
    </message>
    <message>
        <source>Nuvärde hög</source>
        <translation>PV high</translation>
    </message>
    <message>
        <source>Skillnad låg</source>
        <translation>Difference low</translation>
    </message>
    <message>
        <source>Skillnad bas</source>
        <translation>Difference base</translation>
    </message>
    <message>
        <source>Skillnad hög</source>
        <translation>Difference high</translation>
    </message>
    <message>
        <source>Summa bas (ej diskonterad)</source>
        <translation>Total base (undiscounted)</translation>
    </message>
    <message>
        <source>Kostnader per alternativ</source>
        <translation>Costs per option</translation>
    </message>
    <message>
        <source>Diagram: kostnad per alternativ</source>
        <translation>Chart: cost per option</translation>
    </message>
    <message>
        <source>Diagram: skillnad mot nollalternativet</source>
        <translation>Chart: difference from the baseline</translation>
    </message>
    <message>
        <source>Diagram: kostnad över åren</source>
        <translation>Chart: cost over the years</translation>
    </message>
    <message>
        <source>Kostnad per alternativ</source>
        <translation>Cost per option</translation>
    </message>
    <message>
        <source>Skillnad mot nollalternativet</source>
        <translation>Difference from the baseline</translation>
    </message>
    <message>
        <source>Över åren</source>
        <translation>Over the years</translation>
    </message>
    <message>
        <source>Tornado</source>
        <translation>Tornado</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>Monte Carlo</translation>
    </message>
    <message>
        <source>Alternativ:</source>
        <translation>Option:</translation>
    </message>
    <message>
        <source>Alternativ i tornadodiagrammet</source>
        <translation>Option in the tornado chart</translation>
    </message>
    <message>
        <source>Diagram: tornado</source>
        <translation>Chart: tornado</translation>
    </message>
    <message>
        <source>Dragningar:</source>
        <translation>Draws:</translation>
    </message>
    <message>
        <source>Antal dragningar</source>
        <translation>Number of draws</translation>
    </message>
    <message>
        <source>Fördelning:</source>
        <translation>Distribution:</translation>
    </message>
    <message>
        <source>Fördelning</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Slumpfrö:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Slumpfrö</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <source>Kör simulering</source>
        <translation>Run simulation</translation>
    </message>
    <message>
        <source>Simuleringsresultat</source>
        <translation>Simulation results</translation>
    </message>
    <message>
        <source>P10</source>
        <translation>P10</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>P(dyrare än nollalt.)</source>
        <translation>P(costlier than baseline)</translation>
    </message>
    <message>
        <source>Skillnad P10</source>
        <translation>Difference P10</translation>
    </message>
    <message>
        <source>Skillnad P50</source>
        <translation>Difference P50</translation>
    </message>
    <message>
        <source>Skillnad P90</source>
        <translation>Difference P90</translation>
    </message>
    <message>
        <source>Diagram: Monte Carlo</source>
        <translation>Chart: Monte Carlo</translation>
    </message>
    <message>
        <source>Det finns inga styrmodeller att räkna på ännu.</source>
        <translation>There are no governance models to calculate yet.</translation>
    </message>
    <message>
        <source>Det finns bara nollalternativet.</source>
        <translation>There is only the baseline.</translation>
    </message>
    <message>
        <source>Kör simuleringen för att se P10–P90 per alternativ.</source>
        <translation>Run the simulation to see P10–P90 per option.</translation>
    </message>
    <message>
        <source>Kostnaderna kan inte räknas fram: se meddelandet ovan.</source>
        <translation>The costs cannot be calculated: see the message above.</translation>
    </message>
    <message>
        <source>nollalternativ</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>Alternativet har inga kostnadsskattningar.</source>
        <translation>The option has no cost estimates.</translation>
    </message>
    <message>
        <source>Simulerar…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>Exportera kostnadsmodellen</source>
        <translation>Export the cost model</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporterar…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Kostnadsmodellen skrevs: %1</source>
        <translation>The cost model was written: %1</translation>
    </message>
    <message>
        <source>Läs in kostnadsmodell</source>
        <translation>Read cost model</translation>
    </message>
    <message>
        <source>Arbetsboken innehåller inga ändrade indata.</source>
        <translation>The workbook contains no changed inputs.</translation>
    </message>
    <message>
        <source>Arbetsboken ändrar %1 värden. Spara ändringarna i utredningen?</source>
        <translation>The workbook changes %1 values. Save the changes in the investigation?</translation>
    </message>
    <message>
        <source>%1 ändringar lästes in från Excel.</source>
        <translation>%1 changes were read from Excel.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Säkerhetskopia sparad: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
    <message>
        <source>&amp;Ny utredning…</source>
        <translation>&amp;New investigation…</translation>
    </message>
    <message>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Spara &amp;kopia som…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <source>Åte&amp;rställ från säkerhetskopia…</source>
        <translation>Rest&amp;ore from backup…</translation>
    </message>
    <message>
        <source>Slå &amp;ihop med kopia…</source>
        <translation>&amp;Merge with copy…</translation>
    </message>
    <message>
        <source>Skicka mina ä&amp;ndringar…</source>
        <translation>Send my c&amp;hanges…</translation>
    </message>
    <message>
        <source>&amp;Konflikter…</source>
        <translation>&amp;Conflicts…</translation>
    </message>
    <message>
        <source>Anslut till &amp;server…</source>
        <translation>Connect to &amp;server…</translation>
    </message>
    <message>
        <source>&amp;Hämta kopia för offline…</source>
        <translation>&amp;Fetch copy for offline work…</translation>
    </message>
    <message>
        <source>&amp;Stäng utredningen</source>
        <translation>&amp;Close the investigation</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Sök</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Om Utredningsstöd</source>
        <translation>&amp;About Utredningsstöd</translation>
    </message>
    <message>
        <source>&amp;Användarhandledning</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Visa &amp;navigering</source>
        <translation>Show &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;Helskärm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>Märk som &amp;utkast (vattenstämpel UTKAST)</source>
        <translation>Mark as &amp;draft (UTKAST watermark)</translation>
    </message>
    <message>
        <source>Word-dokumenten får vattenstämpeln UTKAST och utkastmarkeringar</source>
        <translation>The Word documents get the UTKAST (draft) watermark and draft markers</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Senaste &amp;filer</source>
        <translation>Recent &amp;files</translation>
    </message>
    <message>
        <source>&amp;Exportera</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Verktygsfält</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Navigering</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Öppna utredning</source>
        <translation>Open investigation</translation>
    </message>
    <message>
        <source>Utredningar (*%1);;Alla filer (*)</source>
        <translation>Investigations (*%1);;All files (*)</translation>
    </message>
    <message>
        <source>Öppnar %1 …</source>
        <translation>Opening %1 …</translation>
    </message>
    <message>
        <source>Filen kunde inte öppnas</source>
        <translation>The file could not be opened</translation>
    </message>
    <message>
        <source>%1 har en äldre schemaversion och visas skrivskyddad från en uppgraderad kopia; filen lämnas oförändrad.</source>
        <translation>%1 has an older schema version and is shown read-only from an upgraded copy; the file is left unchanged.</translation>
    </message>
    <message>
        <source>Öppnade %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Skapar %1 …</source>
        <translation>Creating %1 …</translation>
    </message>
    <message>
        <source>Spara kopia som</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>Utredningar (*%1)</source>
        <translation>Investigations (*%1)</translation>
    </message>
    <message>
        <source>%1 finns redan. Vill du ersätta den?</source>
        <translation>%1 already exists. Do you want to replace it?</translation>
    </message>
    <message>
        <source>Kopian kan inte skrivas över den öppna filen.</source>
        <translation>The copy cannot overwrite the open file.</translation>
    </message>
    <message>
        <source>Sparar kopia …</source>
        <translation>Saving copy …</translation>
    </message>
    <message>
        <source>Kopian sparades: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <source>Töm listan</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <source>&amp;Ångra %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Gör om %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source> (skrivskyddad)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>Ändringar loggas som %1</source>
        <translation>Changes are logged as %1</translation>
    </message>
    <message>
        <source>Inget namn angivet – välj Redigera ▸ Inställningar</source>
        <translation>No name given – choose Edit ▸ Settings</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Avsnittets text</source>
        <translation>Section text</translation>
    </message>
    <message>
        <source>Spara text</source>
        <translation>Save text</translation>
    </message>
    <message>
        <source>Styckeformat</source>
        <translation>Paragraph style</translation>
    </message>
    <message>
        <source>Styckeformat (Ctrl+Alt+0 … Ctrl+Alt+3)</source>
        <translation>Paragraph style (Ctrl+Alt+0 … Ctrl+Alt+3)</translation>
    </message>
    <message>
        <source>Brödtext</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>Rubrik 1</source>
        <translation>Heading 1</translation>
    </message>
    <message>
        <source>Rubrik 2</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <source>Rubrik 3</source>
        <translation>Heading 3</translation>
    </message>
    <message>
        <source>Fet (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>Kursiv (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <source>Punktlista</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Numrerad lista</source>
        <translation>Numbered list</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>«%1» är ingen poäng: skriv ett tal, t.ex. 3.</source>
        <translation>“%1” is not a score: enter a number, e.g. 3.</translation>
    </message>
</context>
<context>
    <name>NewInvestigationDialog</name>
    <message>
        <source>&amp;Skapa</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Spara ny utredning som</source>
        <translation>Save new investigation as</translation>
    </message>
    <message>
        <source>Utredningar (*%1)</source>
        <translation>Investigations (*%1)</translation>
    </message>
    <message>
        <source>Utredningen måste ha en titel.</source>
        <translation>The investigation must have a title.</translation>
    </message>
    <message>
        <source>Välj var filen ska sparas.</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <source>Filen finns redan; välj ett annat namn.</source>
        <translation>The file already exists; choose another name.</translation>
    </message>
    <message>
        <source>Mappen finns inte.</source>
        <translation>The folder does not exist.</translation>
    </message>
    <message>
        <source>Ny utredning</source>
        <translation>New investigation</translation>
    </message>
    <message>
        <source>&amp;Titel *</source>
        <translation>&amp;Title *</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>t.ex. Styrningen av den egenägda vården</source>
        <translation>e.g. Governance of the region&apos;s own care</translation>
    </message>
    <message>
        <source>&amp;Diarienummer</source>
        <translation>&amp;Case number</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>t.ex. RS 2022-0845</source>
        <translation>e.g. RS 2022-0845</translation>
    </message>
    <message>
        <source>&amp;Fil *</source>
        <translation>&amp;File *</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>&amp;Bläddra…</source>
        <translation>&amp;Browse…</translation>
    </message>
</context>
<context>
    <name>Rangordning</name>
    <message>
        <source>Viktad poäng och placering för varje styrmodell med gruppens och varje partis vikter, sida vid sida. Stabilitetsintervallet visar hur mycket en bedömningsgrunds vikt kan ändras (övriga skalas i proportion) innan en annan styrmodell hamnar först.</source>
        <translation>Weighted score and rank of every governance model with the group&apos;s and each party&apos;s weights, side by side. The stability range shows how far a criterion&apos;s weight can change (the others scaled in proportion) before another model comes first.</translation>
    </message>
    <message>
        <source>Rangordning per viktprofil</source>
        <translation>Ranking per weight profile</translation>
    </message>
    <message>
        <source>Diagram: rangordning per viktprofil</source>
        <translation>Chart: ranking per weight profile</translation>
    </message>
    <message>
        <source>Tabell</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Viktprofil:</source>
        <translation>Weight profile:</translation>
    </message>
    <message>
        <source>Viktprofil för stabilitetsintervall</source>
        <translation>Weight profile for stability ranges</translation>
    </message>
    <message>
        <source>Stabilitetsintervall</source>
        <translation>Stability ranges</translation>
    </message>
    <message>
        <source>Diagram: stabilitetsintervall</source>
        <translation>Chart: stability ranges</translation>
    </message>
    <message>
        <source>Ingen rangordning: poäng eller vikter saknas.</source>
        <translation>No ranking: scores or weights are missing.</translation>
    </message>
    <message>
        <source>Gemensam</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Placering %1, viktad poäng %2</source>
        <translation>Rank %1, weighted score %2</translation>
    </message>
    <message>
        <source>Bedömningsgrund</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Vikt nu</source>
        <translation>Weight now</translation>
    </message>
    <message>
        <source>Förblir bäst från</source>
        <translation>Stays best from</translation>
    </message>
    <message>
        <source>till</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Tar över under</source>
        <translation>Takes over below</translation>
    </message>
    <message>
        <source>Tar över över</source>
        <translation>Takes over above</translation>
    </message>
    <message>
        <source>Ingen viktprofil kan användas.</source>
        <translation>No weight profile can be used.</translation>
    </message>
</context>
<context>
    <name>Rapportexport</name>
    <message>
        <source>Exporten misslyckades oväntat: %1</source>
        <translation>The export failed unexpectedly: %1</translation>
    </message>
    <message>
        <source>Exporterar %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <source>Filen skrevs: %1</source>
        <translation>File written: %1</translation>
    </message>
    <message>
        <source>(Utredningsfilen har en äldre schemaversion; exporten gjordes från en uppgraderad kopia och filen är oförändrad.)</source>
        <translation>(The investigation file has an older schema version; the export was made from an upgraded copy and the file is unchanged.)</translation>
    </message>
    <message>
        <source>%1

Vill du öppna den nu?</source>
        <translation>%1

Do you want to open it now?</translation>
    </message>
    <message>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Exportera %1</source>
        <translation>Export %1</translation>
    </message>
</context>
<context>
    <name>Rapporttext</name>
    <message>
        <source>Välj rapport och avsnitt och skriv texten till höger. Texten sparas när du byter avsnitt eller trycker Spara text (Ctrl+S), och varje sparning kan ångras.</source>
        <translation>Choose a report and a section and write on the right. The text is saved when you change section or press Save text (Ctrl+S), and every save can be undone.</translation>
    </message>
    <message>
        <source>Utgåvor …</source>
        <translation>Editions …</translation>
    </message>
    <message>
        <source>De skickade utgåvorna av delrapporten och slutrapporten</source>
        <translation>The sent editions of the interim and final reports</translation>
    </message>
    <message>
        <source>Inget avsnitt valt</source>
        <translation>No section selected</translation>
    </message>
    <message>
        <source>Ändra texten i %1</source>
        <translation>Change the text of %1</translation>
    </message>
</context>
<context>
    <name>RemissCommentEditor</name>
    <message>
        <source>Utredningens kommentar</source>
        <translation>The inquiry&apos;s comment</translation>
    </message>
    <message>
        <source>Utredningens kommentar till synpunkterna på förslaget …</source>
        <translation>The inquiry&apos;s comment on the views on the proposal …</translation>
    </message>
    <message>
        <source>Spara kommentar</source>
        <translation>Save comment</translation>
    </message>
    <message>
        <source>Utredningens kommentar (välj ett förslag)</source>
        <translation>The inquiry&apos;s comment (choose a proposal)</translation>
    </message>
    <message>
        <source>Utredningens kommentar till %1</source>
        <translation>The inquiry&apos;s comment on %1</translation>
    </message>
</context>
<context>
    <name>RemissWorkbench</name>
    <message>
        <source>Läsa och koda</source>
        <translation>Read and code</translation>
    </message>
    <message>
        <source>Läs in svar</source>
        <translation>Import responses</translation>
    </message>
    <message>
        <source>Sök i svaren</source>
        <translation>Search responses</translation>
    </message>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Återställ från säkerhetskopia</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Välj den säkerhetskopia av %1 som ska ersätta filen. Filen som den är nu sparas först som en egen säkerhetskopia, så återställningen kan ångras.</source>
        <translation>Choose the backup of %1 that should replace the file. The file as it is now is first saved as a backup of its own, so the restore can be undone.</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Säkerhetskopiorna ligger i %1</source>
        <translation>The backups are in %1</translation>
    </message>
    <message>
        <source>Det finns inga säkerhetskopior av filen ännu.</source>
        <translation>There are no backups of the file yet.</translation>
    </message>
    <message>
        <source>&amp;Återställ</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Välj &amp;annan fil…</source>
        <translation>Choose &amp;another file…</translation>
    </message>
    <message>
        <source>Välj säkerhetskopia</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <source>Utredningar (*.utredning);;Alla filer (*)</source>
        <translation>Investigations (*.utredning);;All files (*)</translation>
    </message>
    <message>
        <source>%1 ersätts av säkerhetskopian %2. Fortsätta?</source>
        <translation>%1 will be replaced by the backup %2. Continue?</translation>
    </message>
    <message>
        <source>Återställningen misslyckades</source>
        <translation>The restore failed</translation>
    </message>
</context>
<context>
    <name>Sammanslagning</name>
    <message>
        <source>Slå ihop med kopia</source>
        <translation>Merge with copy</translation>
    </message>
    <message>
        <source>Kopior och ändringspaket (*.utredning *.andringar);;Alla filer (*)</source>
        <translation>Copies and change packages (*.utredning *.andringar);;All files (*)</translation>
    </message>
    <message>
        <source>Slår ihop med %1 …</source>
        <translation>Merging with %1 …</translation>
    </message>
    <message>
        <source>Slå ihop med %1</source>
        <translation>Merge with %1</translation>
    </message>
    <message>
        <source>%1 nya rader, %2 ändrade fält, %3 borttagna rader, %4 konflikter.</source>
        <translation>%1 new rows, %2 changed fields, %3 deleted rows, %4 conflicts.</translation>
    </message>
    <message>
        <source>Skicka mina ändringar</source>
        <translation>Send my changes</translation>
    </message>
    <message>
        <source>Ändringspaket (*.andringar)</source>
        <translation>Change packages (*.andringar)</translation>
    </message>
    <message>
        <source>Ändringspaketet skrevs: %1 (%2)</source>
        <translation>The change package was written: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SearchWidget</name>
    <message>
        <source>Sök i remissvaren, t.ex. styrning omvårdnad</source>
        <translation>Search the responses, e.g. styrning omvårdnad</translation>
    </message>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Även &amp;böjningsformer</source>
        <translation>Also &amp;inflected forms</translation>
    </message>
    <message>
        <source>Söker på ordens stammar (PostgreSQL:s svenska textsökning), så att t.ex. sjukhusen också hittar sjukhuset. Finns för utredningar på en server.</source>
        <translation>Searches by the words&apos; stems (PostgreSQL&apos;s Swedish text search), so that e.g. sjukhusen also finds sjukhuset. Available for investigations on a server.</translation>
    </message>
    <message>
        <source>Typ av remissinstans</source>
        <translation>Type of consultee</translation>
    </message>
    <message>
        <source>Ställningstagande i svaret</source>
        <translation>Stance in the response</translation>
    </message>
    <message numerus="yes">
        <source>%n svar matchar.</source>
        <translation>
            <numerusform>%n response matches.</numerusform>
            <numerusform>%n responses match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusWidget</name>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Inbjudna</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Besvarat</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Avstått</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Saknas</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Sena</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Spontana</source>
        <translation>Unsolicited</translation>
    </message>
    <message>
        <source>Exportera påminnelselista …</source>
        <translation>Export reminder list …</translation>
    </message>
    <message>
        <source>Skapa utskick …</source>
        <translation>Create send-out …</translation>
    </message>
    <message>
        <source>Svarsmall (Excel) och missiv (Word) för varje inbjuden remissinstans</source>
        <translation>Answer form (Excel) and cover letter (Word) for every invited consultee</translation>
    </message>
    <message>
        <source>Importera remissinstanser …</source>
        <translation>Import consultees …</translation>
    </message>
    <message>
        <source>Exportera remissinstanser …</source>
        <translation>Export consultees …</translation>
    </message>
    <message>
        <source>Remissomgång:</source>
        <translation>Consultation round:</translation>
    </message>
    <message>
        <source>Att påminna (inbjudna som inte har svarat)</source>
        <translation>To remind (invited consultees who have not answered)</translation>
    </message>
    <message>
        <source>Sista svarsdag: </source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Spara påminnelselista</source>
        <translation>Save reminder list</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Välj mapp för utskicket</source>
        <translation>Choose a folder for the send-out</translation>
    </message>
    <message>
        <source>Utskick</source>
        <translation>Send-out</translation>
    </message>
    <message>
        <source>%1 svarsmallar och missiv skrevs i %2.</source>
        <translation>%1 answer forms and cover letters were written to %2.</translation>
    </message>
    <message>
        <source>Välj lista med remissinstanser</source>
        <translation>Choose a list of consultees</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Spara remissinstanser</source>
        <translation>Save consultees</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>Föreslå ställningstaganden ur texten</source>
        <translation>Suggest stances from the text</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Förslag ur texten</source>
        <translation>Suggested from the text</translation>
    </message>
    <message>
        <source>Belägg</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Ta emot</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Avvisa</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Ta emot förslag</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <source>Avvisa förslag</source>
        <translation>Reject suggestion</translation>
    </message>
</context>
<context>
    <name>Uppgift</name>
    <message>
        <source>Ett oväntat fel inträffade: %1</source>
        <translation>An unexpected error occurred: %1</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Uppräkning</name>
    <message>
        <source>Aktiebolag</source>
        <translation>Limited company</translation>
    </message>
    <message>
        <source>Förvaltning</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Nämnd</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ordförande</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Vice ordförande</source>
        <translation>Vice chair</translation>
    </message>
    <message>
        <source>Ledamot</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Ersättare</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <source>Sekreterare</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Sekretariat</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Delrapport</source>
        <translation>Interim report</translation>
    </message>
    <message>
        <source>Remisstid går ut</source>
        <translation>Consultation period ends</translation>
    </message>
    <message>
        <source>Slutrapport</source>
        <translation>Final report</translation>
    </message>
    <message>
        <source>Sammanträde</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Övrigt</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Legala aspekter</source>
        <translation>Legal aspects</translation>
    </message>
    <message>
        <source>Kapacitet</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Kvalitet</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Kostnadsutveckling</source>
        <translation>Cost trend</translation>
    </message>
    <message>
        <source>Omvårdnadsperspektivet</source>
        <translation>Nursing perspective</translation>
    </message>
    <message>
        <source>Engångskostnad</source>
        <translation>One-off cost</translation>
    </message>
    <message>
        <source>Årlig kostnad</source>
        <translation>Annual cost</translation>
    </message>
    <message>
        <source>Kvalitetsindikator</source>
        <translation>Quality indicator</translation>
    </message>
    <message>
        <source>Regionen</source>
        <translation>The region</translation>
    </message>
    <message>
        <source>Bolagen</source>
        <translation>The companies</translation>
    </message>
    <message>
        <source>Kommunerna</source>
        <translation>The municipalities</translation>
    </message>
    <message>
        <source>Staten</source>
        <translation>The state</translation>
    </message>
    <message>
        <source>Patienterna</source>
        <translation>The patients</translation>
    </message>
    <message>
        <source>Övriga</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>Remissammanställning</source>
        <translation>Consultation summary</translation>
    </message>
    <message>
        <source>Tjänsteutlåtande</source>
        <translation>Official report</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Fastställd</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Bolag</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Myndighet</source>
        <translation>Government agency</translation>
    </message>
    <message>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Facklig organisation</source>
        <translation>Trade union</translation>
    </message>
    <message>
        <source>Övrig</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Mottagen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Under kodning</source>
        <translation>Being coded</translation>
    </message>
    <message>
        <source>Kodad</source>
        <translation>Coded</translation>
    </message>
    <message>
        <source>Avstått</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Tillstyrker</source>
        <translation>Supports</translation>
    </message>
    <message>
        <source>Tillstyrker med synpunkter</source>
        <translation>Supports with comments</translation>
    </message>
    <message>
        <source>Avstyrker</source>
        <translation>Opposes</translation>
    </message>
    <message>
        <source>Ingen erinran</source>
        <translation>No objection</translation>
    </message>
    <message>
        <source>Avstår</source>
        <translation>Declines to comment</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Dissent</translation>
    </message>
    <message>
        <source>Särskilt yttrande</source>
        <translation>Special statement</translation>
    </message>
    <message>
        <source>Privat</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Partiet</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Hela gruppen</source>
        <translation>Whole group</translation>
    </message>
    <message>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>Utgåvor</name>
    <message>
        <source>Utgåvor av rapporterna</source>
        <translation>Editions of the reports</translation>
    </message>
    <message>
        <source>En fastställd rapport sparas som utgåva när den skickas. Exporten ger sedan utgåvan, precis som den skickades.</source>
        <translation>An adopted report is kept as an edition when it is sent. Exporting it then gives the edition, exactly as it was sent.</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Etikett</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Spara utgåva av delrapporten</source>
        <translation>Keep an edition of the interim report</translation>
    </message>
    <message>
        <source>Spara utgåva av slutrapporten</source>
        <translation>Keep an edition of the final report</translation>
    </message>
    <message>
        <source>Spara som Word-fil …</source>
        <translation>Save as Word file …</translation>
    </message>
    <message>
        <source>Sparar utgåvan …</source>
        <translation>Keeping the edition …</translation>
    </message>
    <message>
        <source>Spara utgåvan</source>
        <translation>Save the edition</translation>
    </message>
    <message>
        <source>Utgåvan skrevs: %1</source>
        <translation>The edition was written: %1</translation>
    </message>
</context>
<context>
    <name>Validering</name>
    <message>
        <source>%1 måste fyllas i.</source>
        <translation>%1 must be filled in.</translation>
    </message>
    <message>
        <source>%1 måste anges.</source>
        <translation>%1 must be given.</translation>
    </message>
    <message>
        <source>%1 kan inte vara negativt.</source>
        <translation>%1 cannot be negative.</translation>
    </message>
    <message>
        <source>%1 måste ligga mellan %2 och %3.</source>
        <translation>%1 must be between %2 and %3.</translation>
    </message>
    <message>
        <source>Poängen måste ligga på skalan %1–%2.</source>
        <translation>The score must be on the scale %1–%2.</translation>
    </message>
    <message>
        <source>Skalans högsta värde måste vara större än det lägsta.</source>
        <translation>The highest value of the scale must be greater than the lowest.</translation>
    </message>
    <message>
        <source>Tidshorisonten måste vara 1–50 år.</source>
        <translation>The time horizon must be 1–50 years.</translation>
    </message>
    <message>
        <source>Diskonteringsräntan måste vara mellan 0 och 1 (0–100 %).</source>
        <translation>The discount rate must be between 0 and 1 (0–100 %).</translation>
    </message>
    <message>
        <source>Lågt värde kan inte vara större än basvärdet.</source>
        <translation>The low value cannot be greater than the base value.</translation>
    </message>
    <message>
        <source>Högt värde kan inte vara mindre än basvärdet.</source>
        <translation>The high value cannot be less than the base value.</translation>
    </message>
    <message>
        <source>Förslagets nummer måste vara 1 eller större.</source>
        <translation>The proposal number must be 1 or greater.</translation>
    </message>
    <message>
        <source>Sista svarsdag kan inte vara före utskicksdagen.</source>
        <translation>The reply deadline cannot be before the sending date.</translation>
    </message>
    <message>
        <source>Startposition kan inte vara negativ.</source>
        <translation>The start position cannot be negative.</translation>
    </message>
    <message>
        <source>Slutposition kan inte vara före startpositionen.</source>
        <translation>The end position cannot be before the start position.</translation>
    </message>
</context>
<context>
    <name>Vyer</name>
    <message>
        <source>Ledamöter och partier</source>
        <translation>Members and parties</translation>
    </message>
    <message>
        <source>Gruppens ledamöter, ersättare, sekretariat och experter, och partierna i fullmäktige. Parti och roll används i reservationer och i ändringsloggen.</source>
        <translation>The group&apos;s members, substitutes, secretariat and experts, and the parties in the assembly. Party and role are used in dissents and in the change log.</translation>
    </message>
    <message>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Verksamheter</source>
        <translation>Providers</translation>
    </message>
    <message>
        <source>Styrmodeller</source>
        <translation>Governance models</translation>
    </message>
    <message>
        <source>Bedömningar</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Skattningar</source>
        <translation>Estimates</translation>
    </message>
    <message>
        <source>Kostnadsanalys</source>
        <translation>Cost analysis</translation>
    </message>
    <message>
        <source>Rangordning och vikter</source>
        <translation>Ranking and weights</translation>
    </message>
    <message>
        <source>Förslag</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Rapporttext</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>Remiss</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Remissvar</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>Reservationer och särskilda yttranden</source>
        <translation>Dissents and special statements</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ändringslogg</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Regionens egenägda vårdgivare: sjukhus och bolag, deras driftform och vem som styr dem.</source>
        <translation>The region&apos;s own care providers: hospitals and companies, their legal form and who governs them.</translation>
    </message>
    <message>
        <source>Skattade effekter av varje styrmodell. Välj en skattning för att se och ändra dess värden per år (låg ≤ bas ≤ hög).</source>
        <translation>Estimated effects of each governance model. Select an estimate to see and change its values per year (low ≤ base ≤ high).</translation>
    </message>
    <message>
        <source>De alternativa styrmodeller som utredningen jämför. Dagens modell är nollalternativet som de andra bedöms mot.</source>
        <translation>The alternative governance models the investigation compares. Today&apos;s model is the baseline the others are judged against.</translation>
    </message>
    <message>
        <source>Välj en remissomgång för att se dess remissinstanser, en instans för att se dess svar och ett svar för att se ställningstagandena per förslag.</source>
        <translation>Select a consultation round to see its consultees, a consultee to see its responses and a response to see its stances per proposal.</translation>
    </message>
    <message>
        <source>Reservationer mot förslag och särskilda yttranden, per parti. De tas med sist i slutrapporten. Välj en för att se vilka ledamöter som står bakom den.</source>
        <translation>Dissents on proposals and special statements, by party. They go at the end of the final report. Select one to see which members stand behind it.</translation>
    </message>
    <message>
        <source>Utredningens numrerade förslag till beslut. Numret följer förslaget från delrapporten till slutrapporten. Välj ett förslag för att se vilka styrmodeller det bygger på.</source>
        <translation>The investigation&apos;s numbered proposals for decision. The number follows a proposal from the interim to the final report. Select a proposal to see which governance models it builds on.</translation>
    </message>
    <message>
        <source>Egna anteckningar. Privata och partiinterna anteckningar följer inte med när utredningen delas, förrän de frisläpps till hela gruppen.</source>
        <translation>Your own notes. Private and party notes do not travel when the investigation is shared until they are released to the whole group.</translation>
    </message>
    <message>
        <source>Läs in remissvaren, läs och koda dem förslag för förslag, sök i dem och se hur långt arbetet har kommit.</source>
        <translation>Import the consultation responses, read and code them proposal by proposal, search them and see how far the work has come.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Välkommen till Utredningsstöd</source>
        <translation>Welcome to Utredningsstöd</translation>
    </message>
    <message>
        <source>Skapa en ny utredning eller öppna en utredningsfil (*.utredning). Allt du ändrar sparas direkt i filen och kan ångras.</source>
        <translation>Create a new investigation or open an investigation file (*.utredning). Everything you change is saved to the file at once and can be undone.</translation>
    </message>
    <message>
        <source>Senaste filer</source>
        <translation>Recent files</translation>
    </message>
</context>
<context>
    <name>Ändringslogg</name>
    <message>
        <source>Varje ändring i filen: vem, när och vad. Loggen kan inte ändras.</source>
        <translation>Every change in the file: who, when and what. The log cannot be changed.</translation>
    </message>
    <message>
        <source>Filtrera på person</source>
        <translation>Filter by person</translation>
    </message>
    <message>
        <source>Filtrera på del av utredningen</source>
        <translation>Filter by part of the investigation</translation>
    </message>
    <message>
        <source>Alla delar</source>
        <translation>All parts</translation>
    </message>
    <message>
        <source>Sök post…</source>
        <translation>Search item…</translation>
    </message>
    <message>
        <source>Sök post</source>
        <translation>Search item</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Från datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Till datum</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Ändrade värden</source>
        <translation>Changed values</translation>
    </message>
    <message>
        <source>Ändringslogg</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Alla personer</source>
        <translation>All people</translation>
    </message>
    <message>
        <source>%1 ändringar</source>
        <translation>%1 changes</translation>
    </message>
</context>
<context>
    <name>Översikt</name>
    <message>
        <source>Ledamöter</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Verksamheter</source>
        <translation>Providers</translation>
    </message>
    <message>
        <source>Styrmodeller</source>
        <translation>Governance models</translation>
    </message>
    <message>
        <source>Bedömningsgrunder</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Skattningar</source>
        <translation>Estimates</translation>
    </message>
    <message>
        <source>Förslag</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Avsnitt</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Reservationer</source>
        <translation>Dissents</translation>
    </message>
    <message>
        <source>klar</source>
        <translation>done</translation>
    </message>
    <message>
        <source>%1 dagar sedan</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>i dag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>om %1 dagar</source>
        <translation>in %1 days</translation>
    </message>
    <message>
        <source>Uppdraget</source>
        <translation>The assignment</translation>
    </message>
    <message>
        <source>Direktiv</source>
        <translation>Terms of reference</translation>
    </message>
    <message>
        <source>Redigera uppdraget…</source>
        <translation>Edit the assignment…</translation>
    </message>
    <message>
        <source>Redigera uppdraget</source>
        <translation>Edit the assignment</translation>
    </message>
    <message>
        <source>Nästa milstolpe</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <source>Remiss</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Inkomna remissvar</source>
        <translation>Responses received</translation>
    </message>
    <message>
        <source>Färdigbehandlade remissvar</source>
        <translation>Responses processed</translation>
    </message>
    <message>
        <source>Inkomna svar från inbjudna instanser</source>
        <translation>Responses received from invited consultees</translation>
    </message>
    <message>
        <source>Färdigbehandlade svar</source>
        <translation>Processed responses</translation>
    </message>
    <message>
        <source>Innehåll</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Tidplan</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <source>Tid kvar</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Diarienummer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Case number: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Uppdragsgivare: %1</source>
        <translation>Commissioned by: %1</translation>
    </message>
    <message>
        <source>Beslutad: %1</source>
        <translation>Decided: %1</translation>
    </message>
    <message>
        <source>Handläggare: %1</source>
        <translation>Case officer: %1</translation>
    </message>
    <message>
        <source>*Inget direktiv inlagt än – välj Redigera uppdraget.*</source>
        <translation>*No terms of reference yet – choose Edit the assignment.*</translation>
    </message>
    <message>
        <source>Alla klara</source>
        <translation>All done</translation>
    </message>
    <message>
        <source>Senast: %1 – %2</source>
        <translation>Last: %1 – %2</translation>
    </message>
    <message>
        <source>Inga kommande milstolpar.</source>
        <translation>No upcoming milestones.</translation>
    </message>
    <message>
        <source>%1 dagar sen</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>%1 dagar</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>1 dag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Ändra uppdraget</source>
        <translation>Change the assignment</translation>
    </message>
</context>
</TS>
