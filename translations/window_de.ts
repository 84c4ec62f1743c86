<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>DejaVu fonts (from the system)</source>
        <translation>DejaVu-Schriften (vom System)</translation>
    </message>
    <message>
        <source>not created yet: defaults shown</source>
        <translation>noch nicht angelegt: Standardwerte angezeigt</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>nicht lesbar: {error}</translation>
    </message>
    <message>
        <source>Chart file: {chart} ({note})</source>
        <translation>Kurvendatei: {chart} ({note})</translation>
    </message>
    <message>
        <source>Grading: CTCAE v{version} · febrile-neutropenia rule: {rule}</source>
        <translation>Graduierung: CTCAE v{version} · Regel für febrile Neutropenie: {rule}</translation>
    </message>
    <message>
        <source>Bundled components: {components}</source>
        <translation>Mitgelieferte Komponenten: {components}</translation>
    </message>
    <message>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the program folder and may be replaced.</source>
        <translation>Qt wird unter der LGPL v3 verwendet: Seine Bibliotheken sind eigene Dateien im Programmordner und dürfen ersetzt werden.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong in wardchart. Everything you saved is safe in the chart file.

Details for IT: {path}</source>
        <extracomment>The desktop entry&apos;s id (resources/&lt;id&gt;.desktop), the same as the AppStream id. The backup taken on open (and the log&apos;s start line) waits until the first chart is on screen.</extracomment>
        <translation>In wardchart ist ein Fehler aufgetreten. Alles, was Sie gespeichert haben, ist sicher in der Kurvendatei.

Details für die IT: {path}</translation>
    </message>
    <message>
        <source>wardchart cannot open the chart file</source>
        <translation>wardchart kann die Kurvendatei nicht öffnen</translation>
    </message>
    <message>
        <source>{error}

Open the latest verified backup ({taken}) instead? The damaged file is left exactly as it is for IT to examine; entries made now go into the backup copy.</source>
        <translation>{error}

Stattdessen die letzte geprüfte Sicherung ({taken}) öffnen? Die beschädigte Datei bleibt für die Prüfung durch die IT unverändert; Einträge, die Sie jetzt machen, gehen in die Sicherungskopie.</translation>
    </message>
    <message>
        <source>no display to open the window on (DISPLAY is not set); run it in a desktop session, or use the commands (wardchart --help)</source>
        <translation>kein Bildschirm, auf dem das Fenster geöffnet werden kann (DISPLAY ist nicht gesetzt); starten Sie wardchart in einer Desktop-Sitzung oder verwenden Sie die Befehle (wardchart --help)</translation>
    </message>
    <message>
        <source>--user: this chart file has accounts: give --user and WARDCHART_PASSWORD for the self-test</source>
        <translation>--user: diese Kurvendatei hat Konten: geben Sie für den Selbsttest --user und WARDCHART_PASSWORD an</translation>
    </message>
    <message>
        <source>chart file {path} is encrypted, or damaged, or not a chart file (it is not a plain SQLite database): for the self-test of an encrypted file set WARDCHART_PASSPHRASE</source>
        <translation>die Kurvendatei {path} ist verschlüsselt, beschädigt oder keine Kurvendatei (sie ist keine einfache SQLite-Datenbank): für den Selbsttest einer verschlüsselten Datei setzen Sie WARDCHART_PASSPHRASE</translation>
    </message>
    <message>
        <source>Encrypted chart file</source>
        <translation>Verschlüsselte Kurvendatei</translation>
    </message>
    <message>
        <source>{why}

Passphrase for {path}:</source>
        <translation>{why}

Passphrase für {path}:</translation>
    </message>
    <message>
        <source>wardchart self-test: the chart file has no patients</source>
        <translation>wardchart-Selbsttest: die Kurvendatei enthält keine Patienten</translation>
    </message>
    <message>
        <source>wardchart self-test: the chart was not drawn</source>
        <translation>wardchart-Selbsttest: die Kurve wurde nicht gezeichnet</translation>
    </message>
    <message>
        <source>wardchart self-test: the window could not be painted</source>
        <translation>wardchart-Selbsttest: das Fenster konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>wardchart self-test OK: {rows} patients; chart of {name} drawn with {points} points</source>
        <translation>wardchart-Selbsttest OK: {rows} Patienten; Kurve von {name} mit {points} Punkten gezeichnet</translation>
    </message>
</context>
<context>
    <name>Census</name>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Latest ANC</source>
        <translation>ANC</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Nadir</source>
        <translation>Nadir</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>⚠FN</source>
        <extracomment>Rows looked at when sizing the columns to their text. Columns that give up width (their text elided, whole in the tooltip) so that every column fits a 1366-pixel screen, and the fewest characters each keeps. Short chips for the flags column; the tooltip and screen readers get the words.</extracomment>
        <translation>⚠FN</translation>
    </message>
    <message>
        <source>FN?</source>
        <translation>FN?</translation>
    </message>
    <message>
        <source>CBC&gt;24h</source>
        <translation>BB&gt;24h</translation>
    </message>
    <message>
        <source>prec</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>⚑conflict</source>
        <translation>⚑Konflikt</translation>
    </message>
    <message>
        <source>age≥65</source>
        <extracomment>a higher-risk flag in words (census tooltip)</extracomment>
        <translation>Alter 65 oder älter</translation>
    </message>
    <message>
        <source>age&lt;18</source>
        <extracomment>a higher-risk flag in words (census tooltip)</extracomment>
        <translation>Alter unter 18</translation>
    </message>
    <message>
        <source>marrow</source>
        <extracomment>a higher-risk flag in words: a haematological cancer involving the marrow</extracomment>
        <translation>hämatologische Krebserkrankung mit Knochenmarkbefall</translation>
    </message>
    <message>
        <source>immune</source>
        <extracomment>a higher-risk flag in words: an immune disorder</extracomment>
        <translation>Immunerkrankung</translation>
    </message>
    <message>
        <source>febrile neutropenia alert</source>
        <translation>Alarm: febrile Neutropenie</translation>
    </message>
    <message>
        <source>possible febrile neutropenia</source>
        <translation>mögliche febrile Neutropenie</translation>
    </message>
    <message>
        <source>no CBC in 24 hours during the nadir window</source>
        <translation>kein Blutbild seit 24 Stunden im Nadir-Fenster</translation>
    </message>
    <message>
        <source>neutropenic precautions on</source>
        <translation>Neutropenie-Schutzmaßnahmen aktiv</translation>
    </message>
    <message>
        <source>conflict — review: records charted differently on two computers</source>
        <translation>Konflikt — prüfen: auf zwei Computern unterschiedlich eingetragen</translation>
    </message>
    <message>
        <source>ready</source>
        <extracomment>census next-cycle column, short: the counts meet the next cycle&apos;s day-1 thresholds</extracomment>
        <translation>ja</translation>
    </message>
    <message>
        <source>not ready</source>
        <extracomment>census next-cycle column, short: the counts do not meet the day-1 thresholds</extracomment>
        <translation>nein</translation>
    </message>
    <message>
        <source>no count</source>
        <extracomment>census next-cycle column, short: no ANC since day 1</extracomment>
        <translation>kein BB</translation>
    </message>
    <message>
        <source>no platelet count</source>
        <extracomment>census next-cycle column, short: an ANC but no platelet count since day 1</extracomment>
        <translation>kein Thr.</translation>
    </message>
    <message>
        <source>not required</source>
        <extracomment>census next-cycle column, short: the regimen is given whatever the counts</extracomment>
        <translation>entfällt</translation>
    </message>
    <message>
        <source>before</source>
        <extracomment>census nadir column, short: today is before the expected nadir window</extracomment>
        <translation>davor</translation>
    </message>
    <message>
        <source>in window</source>
        <extracomment>census nadir column, short: today is inside the expected nadir window</extracomment>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>past</source>
        <extracomment>census nadir column, short: today is past the expected nadir window</extracomment>
        <translation>vorbei</translation>
    </message>
    <message>
        <source>Latest ANC</source>
        <comment>heading tooltip</comment>
        <extracomment>tooltip of the census&apos;s latest-ANC heading; the same words as the heading in English</extracomment>
        <translation>Letzte ANC (×10⁹/L) und wie alt sie ist</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <comment>heading tooltip</comment>
        <extracomment>tooltip of the census&apos;s next-cycle heading; the same words as the heading in English</extracomment>
        <translation>Nächster Zyklus: Blutwerte erfüllen die Schwellen für Tag 1?</translation>
    </message>
    <message>
        <source>Regimen</source>
        <comment>heading tooltip</comment>
        <extracomment>tooltip of the census&apos;s regimen heading; the same words as the heading in English</extracomment>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>ANC grade {grade}</source>
        <translation>ANC-Grad {grade}</translation>
    </message>
    <message>
        <source>{bed}, febrile neutropenia alert</source>
        <translation>{bed}, Alarm: febrile Neutropenie</translation>
    </message>
    <message>
        <source>Filter by name, MRN or bed  (Ctrl+F)</source>
        <translation>Filtern nach Name, MRN oder Bett  (Strg+F)</translation>
    </message>
    <message>
        <source>Census filter</source>
        <translation>Filter der Stationsübersicht</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>Stationsübersicht</translation>
    </message>
    <message>
        <source>No patients on this chart yet.

Admit one with Patient → Admit patient… (Ctrl+Shift+A),
or explore the demo ward: wardchart demo --db demo.sqlite</source>
        <translation>Noch keine Patienten in dieser Kurvendatei.

Nehmen Sie einen Patienten auf mit Patient → Patient aufnehmen… (Strg+Umschalt+A),
oder sehen Sie sich die Demo-Station an: wardchart demo --db demo.sqlite</translation>
    </message>
</context>
<context>
    <name>ChartingDialogs</name>
    <message>
        <source>Select a record in the tables under the chart first (Results, Temperatures, G-CSF doses or Cycles).</source>
        <extracomment>The hint shown when History, Correct or Entered in error has no record to act on.</extracomment>
        <translation>Wählen Sie zuerst einen Eintrag in den Tabellen unter der Kurve aus (Ergebnisse, Temperaturen, G-CSF-Gaben oder Zyklen).</translation>
    </message>
    <message>
        <source>History — {what} — {name} (MRN {mrn})</source>
        <translation>Historie — {what} — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>{name} (MRN {mrn}) and the whole chart</source>
        <translation>{name} (MRN {mrn}) und die gesamte Kurve</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>PDF saved to {path}</source>
        <translation>PDF gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Merged {name}: {brought}</source>
        <translation>{name} zusammengeführt: {brought}</translation>
    </message>
    <message>
        <source>Merged {name}: {brought} · 1 conflict to review</source>
        <translation>{name} zusammengeführt: {brought} · 1 Konflikt zu prüfen</translation>
    </message>
    <message>
        <source>Merged {name}: {brought} · {count} conflicts to review</source>
        <translation>{name} zusammengeführt: {brought} · {count} Konflikte zu prüfen</translation>
    </message>
    <message>
        <source>About wardchart</source>
        <translation>Über wardchart</translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>Ward hub</source>
        <extracomment>A save is sent this long after it is made (saves in quick succession go together). The banner and the status line are worked out again this often (time passes).</extracomment>
        <translation>Stations-Hub</translation>
    </message>
    <message>
        <source>Ward hub warning</source>
        <translation>Warnung des Stations-Hubs</translation>
    </message>
</context>
<context>
    <name>LabInbox</name>
    <message>
        <source>Lab inbox: {file} not read yet: {error}</source>
        <translation>Labor-Eingang: {file} noch nicht gelesen: {error}</translation>
    </message>
    <message>
        <source>1 result from the lab charted</source>
        <translation>1 Laborergebnis eingetragen</translation>
    </message>
    <message>
        <source>{count} results from the lab charted</source>
        <translation>{count} Laborergebnisse eingetragen</translation>
    </message>
    <message>
        <source>{count} held</source>
        <translation>{count} zurückgehalten</translation>
    </message>
    <message>
        <source>⚠ 1 lab message held (File → Lab messages held)</source>
        <translation>⚠ 1 Labornachricht zurückgehalten (Datei → Zurückgehaltene Labornachrichten)</translation>
    </message>
    <message>
        <source>⚠ {count} lab messages held (File → Lab messages held)</source>
        <translation>⚠ {count} Labornachrichten zurückgehalten (Datei → Zurückgehaltene Labornachrichten)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>This chart file has no accounts yet, so entries are recorded as {actor}.

A ward administrator adds accounts under Ward → Accounts… or with wardchart user add (see docs/accounts.md).</source>
        <translation>Diese Kurvendatei hat noch keine Konten, daher werden Einträge als {actor} gespeichert.

Ein Administrator der Station legt Konten an unter Station → Konten… oder mit wardchart user add (siehe docs/accounts.md).</translation>
    </message>
    <message>
        <source>1 entry not yet saved ({entries}) is kept for {nurse} until they sign in again. If someone else signs in or wardchart is closed, it is discarded, never saved.</source>
        <translation>1 noch nicht gespeicherter Eintrag ({entries}) wird für {nurse} aufbewahrt, bis sie oder er sich wieder anmeldet. Meldet sich jemand anderes an oder wird wardchart geschlossen, wird er verworfen und nie gespeichert.</translation>
    </message>
    <message>
        <source>{count} entries not yet saved ({entries}) are kept for {nurse} until they sign in again. If someone else signs in or wardchart is closed, they are discarded, never saved.</source>
        <translation>{count} noch nicht gespeicherte Einträge ({entries}) werden für {nurse} aufbewahrt, bis sie oder er sich wieder anmeldet. Meldet sich jemand anderes an oder wird wardchart geschlossen, werden sie verworfen und nie gespeichert.</translation>
    </message>
    <message>
        <source>Nothing typed is waiting to be saved.</source>
        <translation>Es wartet keine Eingabe darauf, gespeichert zu werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;wardchart is locked&lt;/b&gt;&lt;br&gt;&lt;br&gt;Patient data is hidden after 1 minute without use. {kept}&lt;br&gt;&lt;br&gt;Sign in to continue (Ctrl+Shift+S).</source>
        <translation>&lt;b&gt;wardchart ist gesperrt&lt;/b&gt;&lt;br&gt;&lt;br&gt;Patientendaten werden nach 1 Minute ohne Benutzung ausgeblendet. {kept}&lt;br&gt;&lt;br&gt;Melden Sie sich an, um fortzufahren (Strg+Umschalt+S).</translation>
    </message>
    <message>
        <source>&lt;b&gt;wardchart is locked&lt;/b&gt;&lt;br&gt;&lt;br&gt;Patient data is hidden after {minutes} minutes without use. {kept}&lt;br&gt;&lt;br&gt;Sign in to continue (Ctrl+Shift+S).</source>
        <translation>&lt;b&gt;wardchart ist gesperrt&lt;/b&gt;&lt;br&gt;&lt;br&gt;Patientendaten werden nach {minutes} Minuten ohne Benutzung ausgeblendet. {kept}&lt;br&gt;&lt;br&gt;Melden Sie sich an, um fortzufahren (Strg+Umschalt+S).</translation>
    </message>
    <message>
        <source>an unsaved entry ({what}) by {nurse}</source>
        <translation>ein nicht gespeicherter Eintrag ({what}) von {nurse}</translation>
    </message>
    <message>
        <source>{entries} could not be saved to it and was discarded.</source>
        <translation>{entries} konnte nicht darin gespeichert werden und wurde verworfen.</translation>
    </message>
    <message>
        <source>nothing was lost.</source>
        <translation>es ging nichts verloren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The chart file was replaced by another program&lt;/b&gt;&lt;br&gt;&lt;br&gt;(encrypted, decrypted or copied over). What was shown may be out of date, so it is hidden; {lost}&lt;br&gt;&lt;br&gt;Open the file again to continue.</source>
        <translation>&lt;b&gt;Die Kurvendatei wurde von einem anderen Programm ersetzt&lt;/b&gt;&lt;br&gt;&lt;br&gt;(verschlüsselt, entschlüsselt oder überschrieben). Das Angezeigte ist möglicherweise nicht mehr aktuell und wird daher ausgeblendet; {lost}&lt;br&gt;&lt;br&gt;Öffnen Sie die Datei erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>Open it again…</source>
        <translation>Erneut öffnen…</translation>
    </message>
    <message>
        <source>{entries} was discarded at the lock, not saved.</source>
        <translation>{entries} wurde beim Sperren verworfen, nicht gespeichert.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the chart file…</source>
        <extracomment>The census shows how old results are and today&apos;s cycle day: recompute periodically. Another window or command writing the same file is noticed within this time. The ward&apos;s HL7 inbox folder is looked at this often (and when the folder changes). After a period of activity the chart is backed up again (if anything was saved). The chart file was replaced by another program: the application opens it again.</extracomment>
        <translation>Kurvendatei wird geöffnet…</translation>
    </message>
    <message>
        <source>Lab messages held</source>
        <extracomment>Dialogs hidden behind the lock, parents first, and the nurse they belong to. The last &quot;discarded at the lock&quot; notice, if one was shown.</extracomment>
        <translation>Zurückgehaltene Labornachrichten</translation>
    </message>
    <message>
        <source>wardchart — {file} (READ-ONLY: entries cannot be saved)</source>
        <translation>wardchart — {file} (NUR LESEN: Einträge können nicht gespeichert werden)</translation>
    </message>
    <message>
        <source>wardchart — {file}</source>
        <translation>wardchart — {file}</translation>
    </message>
    <message>
        <source>Reading the census: {done} of {total} patients…</source>
        <translation>Stationsübersicht wird gelesen: {done} von {total} Patienten…</translation>
    </message>
    <message>
        <source>Charting as {actor} · {ward} · CTCAE v{ctcae} · fever rule {rule} · {file}</source>
        <translation>Angemeldet als {actor} · {ward} · CTCAE v{ctcae} · Fieberregel {rule} · {file}</translation>
    </message>
    <message>
        <source>Charting as {actor} · CTCAE v{ctcae} · fever rule {rule} · {file}</source>
        <translation>Angemeldet als {actor} · CTCAE v{ctcae} · Fieberregel {rule} · {file}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Only for ward administrators (docs/accounts.md): disabled, saying so, for others. A line between groups of a menu. The menus, in order, each with its entries.</extracomment>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Print pre&amp;view — patient summary…</source>
        <translation>&amp;Vorschau — Patientenzusammenfassung…</translation>
    </message>
    <message>
        <source>&amp;Print patient summary…</source>
        <translation>Patientenzusammenfassung &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Export patient summary PDF…</source>
        <translation>Patientenzusammenfassung als PDF &amp;exportieren…</translation>
    </message>
    <message>
        <source>Print preview — &amp;ward sheet…</source>
        <translation>Vorschau — Ü&amp;bergabebogen…</translation>
    </message>
    <message>
        <source>Print ward &amp;sheet…</source>
        <translation>Übergabebogen d&amp;rucken…</translation>
    </message>
    <message>
        <source>Export ward sheet P&amp;DF…</source>
        <translation>Übergabebogen als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>&amp;Merge from another chart…</source>
        <translation>Aus anderer Kurvendatei zusa&amp;mmenführen…</translation>
    </message>
    <message>
        <source>&amp;Lab messages held…</source>
        <translation>&amp;Zurückgehaltene Labornachrichten…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Benutzer &amp;wechseln…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Beende&amp;n</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>&amp;Admit patient…</source>
        <translation>Patient &amp;aufnehmen…</translation>
    </message>
    <message>
        <source>&amp;Start cycle…</source>
        <translation>&amp;Zyklus beginnen…</translation>
    </message>
    <message>
        <source>&amp;Edit patient details…</source>
        <translation>Patientendaten &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove patient (entered in error)…</source>
        <translation>Patient &amp;entfernen (irrtümlich eingetragen)…</translation>
    </message>
    <message>
        <source>Re&amp;view conflicts…</source>
        <translation>&amp;Konflikte prüfen…</translation>
    </message>
    <message>
        <source>Records charted differently on two computers: keep one, correct, or link</source>
        <translation>Auf zwei Computern unterschiedlich eingetragene Einträge: einen behalten, korrigieren oder verknüpfen</translation>
    </message>
    <message>
        <source>Set neutropenic &amp;precautions…</source>
        <translation>Neutropenie-&amp;Schutzmaßnahmen setzen…</translation>
    </message>
    <message>
        <source>C&amp;lear neutropenic precautions…</source>
        <translation>Neutropenie-Schutzmaßnahmen a&amp;ufheben…</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>&amp;Kurve</translation>
    </message>
    <message>
        <source>Record &amp;CBC…</source>
        <translation>&amp;Blutbild eintragen…</translation>
    </message>
    <message>
        <source>Record &amp;temperature…</source>
        <translation>&amp;Temperatur eintragen…</translation>
    </message>
    <message>
        <source>Record &amp;G-CSF dose…</source>
        <translation>&amp;G-CSF-Gabe eintragen…</translation>
    </message>
    <message>
        <source>&amp;History of the selected record…</source>
        <translation>&amp;Historie des ausgewählten Eintrags…</translation>
    </message>
    <message>
        <source>C&amp;orrect the selected record…</source>
        <translation>Ausgewählten Eintrag &amp;korrigieren…</translation>
    </message>
    <message>
        <source>Mark the selected record entered in &amp;error…</source>
        <translation>Ausgewählten Eintrag als &amp;irrtümlich eingetragen markieren…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>Patient &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Ward</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Ward &amp;settings…</source>
        <translation>Stations&amp;einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Regimen library…</source>
        <translation>&amp;Therapieschema-Bibliothek…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About wardchart</source>
        <translation>Ü&amp;ber wardchart</translation>
    </message>
    <message>
        <source>Show &amp;log folder</source>
        <translation>&amp;Protokollordner anzeigen</translation>
    </message>
    <message>
        <source>Only a ward administrator can use this: sign in as one (File → Switch user)</source>
        <extracomment>The tooltip of an administrators&apos; entry for everyone else.</extracomment>
        <translation>Nur ein Administrator der Station kann dies verwenden: Melden Sie sich als Administrator an (Datei → Benutzer wechseln)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>Chosen for this run by the environment variable {variable}</source>
        <translation>Für diesen Start von der Umgebungsvariablen {variable} gewählt</translation>
    </message>
    <message>
        <source>Fixed for every user of this computer by {path}</source>
        <translation>Für alle Benutzer dieses Computers festgelegt durch {path}</translation>
    </message>
    <message>
        <source>Used the next time wardchart starts</source>
        <translation>Gilt ab dem nächsten Start von wardchart</translation>
    </message>
    <message>
        <source>wardchart will be in English the next time it starts.</source>
        <translation>wardchart erscheint beim nächsten Start auf Englisch.</translation>
    </message>
    <message>
        <source>wardchart will be in German the next time it starts.</source>
        <translation>wardchart erscheint beim nächsten Start auf Deutsch.</translation>
    </message>
    <message>
        <source>wardchart will be in the system&apos;s language the next time it starts.</source>
        <translation>wardchart erscheint beim nächsten Start in der Sprache des Systems.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>The log folder is:
{folder}

No file manager could open it here; IT can copy wardchart.log from there.</source>
        <translation>Der Protokollordner ist:
{folder}

Kein Dateimanager konnte ihn hier öffnen; die IT kann wardchart.log von dort kopieren.</translation>
    </message>
    <message>
        <source>&amp;Lab messages held ({count})…</source>
        <translation>&amp;Zurückgehaltene Labornachrichten ({count})…</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>No cycle: baseline only</source>
        <extracomment>What the Show box says for a patient with no cycle.</extracomment>
        <translation>Kein Zyklus: nur Ausgangswerte</translation>
    </message>
    <message>
        <source>Select a patient on the census.</source>
        <translation>Wählen Sie einen Patienten in der Stationsübersicht aus.</translation>
    </message>
    <message>
        <source>MRN &lt;b&gt;{mrn}&lt;/b&gt;&amp;nbsp;·&amp;nbsp;DOB {dob} ({age} y)&amp;nbsp;·&amp;nbsp;bed {bed}</source>
        <translation>MRN &lt;b&gt;{mrn}&lt;/b&gt;&amp;nbsp;·&amp;nbsp;Geb. {dob} ({age} J.)&amp;nbsp;·&amp;nbsp;Bett {bed}</translation>
    </message>
    <message>
        <source>No cycle started yet.</source>
        <translation>Noch kein Zyklus begonnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{regimen}&lt;/b&gt; · cycle {cycle}, &lt;b&gt;day {day}&lt;/b&gt; (day 1 {day1}) · expected nadir D{start}–D{end}: &lt;b&gt;{status}&lt;/b&gt; · next cycle: {readiness} ({reason})</source>
        <translation>&lt;b&gt;{regimen}&lt;/b&gt; · Zyklus {cycle}, &lt;b&gt;Tag {day}&lt;/b&gt; (Tag 1: {day1}) · Nadir erwartet d{start}–d{end}: &lt;b&gt;{status}&lt;/b&gt; · nächster Zyklus: {readiness} ({reason})</translation>
    </message>
    <message>
        <source>neutropenic precautions &lt;b&gt;ON&lt;/b&gt;</source>
        <translation>Neutropenie-Schutzmaßnahmen &lt;b&gt;AKTIV&lt;/b&gt;</translation>
    </message>
    <message>
        <source>precautions off</source>
        <translation>keine Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>&lt;b&gt;no CBC in 24 h during the nadir window&lt;/b&gt;</source>
        <translation>&lt;b&gt;kein Blutbild seit 24 h im Nadir-Fenster&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Flags: {flags}</source>
        <translation>Hinweise: {flags}</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚑ CONFLICT — REVIEW:&lt;/b&gt; 1 conflict between charts merged ({subjects}) · &lt;a href=&apos;review&apos;&gt;Review conflicts…&lt;/a&gt;</source>
        <translation>&lt;b&gt;⚑ KONFLIKT — PRÜFEN:&lt;/b&gt; 1 Konflikt zwischen zusammengeführten Kurven ({subjects}) · &lt;a href=&apos;review&apos;&gt;Konflikte prüfen…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚑ CONFLICT — REVIEW:&lt;/b&gt; {count} conflicts between charts merged ({subjects}) · &lt;a href=&apos;review&apos;&gt;Review conflicts…&lt;/a&gt;</source>
        <translation>&lt;b&gt;⚑ KONFLIKT — PRÜFEN:&lt;/b&gt; {count} Konflikte zwischen zusammengeführten Kurven ({subjects}) · &lt;a href=&apos;review&apos;&gt;Konflikte prüfen…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>FEBRILE NEUTROPENIA</source>
        <translation>FEBRILE NEUTROPENIE</translation>
    </message>
    <message>
        <source>POSSIBLE FEBRILE NEUTROPENIA</source>
        <translation>MÖGLICHE FEBRILE NEUTROPENIE</translation>
    </message>
    <message>
        <source>Patient header</source>
        <translation>Patientenkopf</translation>
    </message>
    <message>
        <source>Cycle shown on the chart</source>
        <translation>In der Kurve angezeigter Zyklus</translation>
    </message>
    <message>
        <source>Calendar dates</source>
        <translation>Kalenderdaten</translation>
    </message>
    <message>
        <source>Label the axis with calendar dates</source>
        <translation>Achse mit Kalenderdaten beschriften</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Loading chart…</source>
        <translation>Kurve wird geladen…</translation>
    </message>
    <message>
        <source>Cycle {number} (current)</source>
        <translation>Zyklus {number} (aktuell)</translation>
    </message>
    <message>
        <source>Cycle {number}</source>
        <translation>Zyklus {number}</translation>
    </message>
    <message>
        <source>All cycles overlaid</source>
        <translation>Alle Zyklen überlagert</translation>
    </message>
    <message>
        <source>No cycle yet: the baseline results are dated by the calendar.</source>
        <translation>Noch kein Zyklus: Die Ausgangswerte sind nach Kalenderdatum aufgetragen.</translation>
    </message>
    <message>
        <source>Cycles overlaid share cycle days, not dates: choose one cycle for dates.</source>
        <translation>Überlagerte Zyklen teilen Zyklustage, keine Daten: Wählen Sie einen Zyklus für Kalenderdaten.</translation>
    </message>
    <message>
        <source>Label the day axis with calendar dates</source>
        <translation>Tagesachse mit Kalenderdaten beschriften</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>Druckvorschau — {title}</translation>
    </message>
    <message>
        <source>Print — {title}</source>
        <translation>Drucken — {title}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be used. Check that it is switched on and connected, or choose another printer.</source>
        <translation>Nichts wurde gedruckt: Der Drucker konnte nicht verwendet werden. Prüfen Sie, ob er eingeschaltet und angeschlossen ist, oder wählen Sie einen anderen Drucker.</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>{title} exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation>Es wurde nichts exportiert: {reason}</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Conflict</source>
        <extracomment>The heading of the column that marks records in conflict (there only when one is).</extracomment>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>preliminary</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>CBC taken {taken}: WBC {wbc}, ANC {anc}</source>
        <translation>Blutbild vom {taken}: Leukozyten {wbc}, ANC {anc}</translation>
    </message>
    <message>
        <source>Temperature {value} at {taken}</source>
        <translation>Temperatur {value} am {taken}</translation>
    </message>
    <message>
        <source>{drug} {dose} given {given}</source>
        <translation>{drug} {dose} gegeben am {given}</translation>
    </message>
    <message>
        <source>D{start}–D{end}</source>
        <translation>d{start}–d{end}</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} Tage</translation>
    </message>
    <message>
        <source>{count} on D{day}</source>
        <translation>{count} an d{day}</translation>
    </message>
    <message>
        <source>D{day}</source>
        <translation>d{day}</translation>
    </message>
    <message>
        <source>Cycle {number} of {regimen}, day 1 {day1}</source>
        <translation>Zyklus {number} mit {regimen}, Tag 1: {day1}</translation>
    </message>
    <message>
        <source>Results</source>
        <extracomment>Rows in conflict after merging charts, each with its line (see docs/merging.md): a last column says &quot;conflict — review&quot; on them (shown only when there are any).</extracomment>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Abgenommen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>WBC</source>
        <translation>Leukozyten</translation>
    </message>
    <message>
        <source>ANC</source>
        <translation>ANC</translation>
    </message>
    <message>
        <source>ANC from</source>
        <translation>ANC aus</translation>
    </message>
    <message>
        <source>ANC grade</source>
        <translation>ANC-Grad</translation>
    </message>
    <message>
        <source>WBC grade</source>
        <translation>Leuko-Grad</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Eingetragen von</translation>
    </message>
    <message>
        <source>Temperatures</source>
        <translation>Temperaturen</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Messort</translation>
    </message>
    <message>
        <source>G-CSF doses</source>
        <translation>G-CSF-Gaben</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Präparat</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>Day 1</source>
        <translation>Tag 1</translation>
    </message>
    <message>
        <source>Expected nadir</source>
        <translation>Erwarteter Nadir</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Nadir</source>
        <translation>Nadir</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Records of the cycle shown</source>
        <translation>Einträge des angezeigten Zyklus</translation>
    </message>
    <message>
        <source>{records} of the cycle shown, oldest first</source>
        <translation>{records} des angezeigten Zyklus, älteste zuerst</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historie…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Entered in error…</source>
        <translation>Irrtümlich eingetragen…</translation>
    </message>
    <message>
        <source>Every version of the selected record</source>
        <translation>Alle Versionen des ausgewählten Eintrags</translation>
    </message>
    <message>
        <source>Correct the selected record</source>
        <translation>Ausgewählten Eintrag korrigieren</translation>
    </message>
    <message>
        <source>Mark the selected record entered in error</source>
        <translation>Ausgewählten Eintrag als irrtümlich eingetragen markieren</translation>
    </message>
</context>
<context>
    <name>StartupFailure</name>
    <message>
        <source>wardchart cannot open the chart file</source>
        <translation>wardchart kann die Kurvendatei nicht öffnen</translation>
    </message>
    <message>
        <source>This computer&apos;s wardchart configuration (set up by IT) does not allow this. Ask IT to check the machine configuration file named above.</source>
        <translation>Die wardchart-Konfiguration dieses Computers (von der IT eingerichtet) erlaubt dies nicht. Bitten Sie die IT, die oben genannte Konfigurationsdatei des Computers zu prüfen.</translation>
    </message>
    <message>
        <source>The chart was written by a newer version of wardchart. Install that version (or a newer one) on this computer. The file was left untouched.</source>
        <translation>Die Kurve wurde von einer neueren Version von wardchart geschrieben. Installieren Sie diese (oder eine neuere) Version auf diesem Computer. Die Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Keep the chart on this computer&apos;s own disk. To share one chart between computers, IT sets up the ward hub.</source>
        <translation>Bewahren Sie die Kurve auf der eigenen Festplatte dieses Computers auf. Um eine Kurve mit anderen Computern zu teilen, richtet die IT den Stations-Hub ein.</translation>
    </message>
    <message>
        <source>If the chart is encrypted, start wardchart again and type its passphrase. If it is not, it may be damaged: ask IT to restore the latest backup.</source>
        <translation>Ist die Kurve verschlüsselt, starten Sie wardchart erneut und geben Sie ihre Passphrase ein. Wenn nicht, ist sie möglicherweise beschädigt: Bitten Sie die IT, die letzte Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <source>Your login may not read or write this file or its folder. Ask IT to give your login access to it (on a shared workstation, through the ward&apos;s group).</source>
        <translation>Ihre Anmeldung darf diese Datei oder ihren Ordner nicht lesen oder schreiben. Bitten Sie die IT, Ihrer Anmeldung Zugriff zu geben (an einem gemeinsamen Arbeitsplatz über die Gruppe der Station).</translation>
    </message>
    <message>
        <source>The file is damaged or is not a wardchart chart. It was left as it is. Ask IT to restore the latest verified backup (wardchart restore; see the README).</source>
        <translation>Die Datei ist beschädigt oder keine wardchart-Kurve. Sie blieb unverändert. Bitten Sie die IT, die letzte geprüfte Sicherung wiederherzustellen (wardchart restore; siehe README).</translation>
    </message>
    <message>
        <source>Check that the chart file&apos;s folder exists and is reachable, or ask IT.</source>
        <translation>Prüfen Sie, ob der Ordner der Kurvendatei existiert und erreichbar ist, oder fragen Sie die IT.</translation>
    </message>
    <message>
        <source>Nothing was changed. Ask IT, and give them this message.</source>
        <translation>Es wurde nichts geändert. Wenden Sie sich an die IT und geben Sie ihr diese Meldung.</translation>
    </message>
    <message>
        <source>{advice}

The program&apos;s log is in {folder}.</source>
        <translation>{advice}

Das Protokoll des Programms liegt in {folder}.</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>Admit</source>
        <extracomment>The toolbar: short labels; the menus carry the full wording.</extracomment>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Start cycle</source>
        <translation>Zyklus beginnen</translation>
    </message>
    <message>
        <source>CBC</source>
        <translation>Blutbild</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>G-CSF</source>
        <translation>G-CSF</translation>
    </message>
    <message>
        <source>Precautions on</source>
        <translation>Schutz an</translation>
    </message>
    <message>
        <source>Precautions off</source>
        <translation>Schutz aus</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Irrtümlich eingetragen</translation>
    </message>
    <message>
        <source>Charting</source>
        <extracomment>Whether the person charting is a ward administrator (``for_role``). View → Language: &quot;&quot; (the system&apos;s) and each language&apos;s code → its entry.</extracomment>
        <translation>Dokumentation</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>before</source>
        <extracomment>Words the domain and storage use as values, shown translated.</extracomment>
        <translation>davor</translation>
    </message>
    <message>
        <source>in window</source>
        <translation>im Fenster</translation>
    </message>
    <message>
        <source>past</source>
        <translation>vorbei</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>no platelet count</source>
        <translation>keine Thrombozyten</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>nicht erforderlich</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>oral</translation>
    </message>
    <message>
        <source>axillary</source>
        <translation>axillär</translation>
    </message>
    <message>
        <source>tympanic</source>
        <translation>tympanal</translation>
    </message>
    <message>
        <source>charted</source>
        <translation>eingetragen</translation>
    </message>
    <message>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>übergangen</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
</context>
</TS>
