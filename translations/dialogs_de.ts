<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Disable the account {user}</source>
        <translation>Konto {user} deaktivieren</translation>
    </message>
    <message>
        <source>Enable the account {user}</source>
        <translation>Konto {user} aktivieren</translation>
    </message>
    <message>
        <source>Reset the password of {user}</source>
        <translation>Passwort von {user} zurücksetzen</translation>
    </message>
    <message>
        <source>Change the role of {user}</source>
        <translation>Rolle von {user} ändern</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>Die beiden Passwörter stimmen nicht überein</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>e.g. akim: lower-case letters and digits</source>
        <translation>z. B. akim: Kleinbuchstaben und Ziffern</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Vollständiger Name:</translation>
    </message>
    <message>
        <source>e.g. Anna Kim</source>
        <translation>z. B. Anna Kim</translation>
    </message>
    <message>
        <source>Initials:</source>
        <translation>Kürzel:</translation>
    </message>
    <message>
        <source>1–4 letters</source>
        <translation>1–4 Buchstaben</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>A ward administrator manages the ward</source>
        <translation>Ein Stationsadministrator verwaltet die Station</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>This chart file has no accounts yet: the first must be a ward administrator. From then on everyone signs in.</source>
        <translation>Diese Kurvendatei hat noch keine Konten: Das erste muss ein Stationsadministrator sein. Danach meldet sich jeder an.</translation>
    </message>
    <message>
        <source>{name} can no longer sign in. Their entries stay attributed to them; nothing is deleted.</source>
        <translation>{name} kann sich nicht mehr anmelden. Die Einträge bleiben dieser Person zugeordnet; nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>Give {name} the new password; they can change it themselves with wardchart user password.</source>
        <translation>Geben Sie {name} das neue Passwort; es lässt sich selbst mit wardchart user password ändern.</translation>
    </message>
    <message>
        <source>A ward administrator manages accounts, ward settings and the regimen library; a nurse charts.</source>
        <translation>Ein Stationsadministrator verwaltet Konten, Stationseinstellungen und die Therapieschemata; eine Pflegekraft dokumentiert.</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>New role:</source>
        <translation>Neue Rolle:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>for the audit log, e.g. left the ward</source>
        <translation>für das Prüfprotokoll, z. B. hat die Station verlassen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Everyone charting signs in with their own account. Only ward administrators manage accounts; every change is recorded in the audit log with its reason. A disabled account&apos;s entries stay attributed to it, and the last enabled ward administrator can be neither disabled nor made a nurse.</source>
        <translation>Wer dokumentiert, meldet sich mit einem eigenen Konto an. Nur Stationsadministratoren verwalten Konten; jede Änderung wird mit Begründung im Prüfprotokoll festgehalten. Die Einträge eines deaktivierten Kontos bleiben ihm zugeordnet, und der letzte aktive Stationsadministrator kann weder deaktiviert noch zur Pflegekraft gemacht werden.</translation>
    </message>
    <message>
        <source>Accounts, by user name</source>
        <translation>Konten, nach Benutzername</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Konto hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>&amp;Aktivieren…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>&amp;Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>&amp;Rolle ändern…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>can sign in</source>
        <translation>kann sich anmelden</translation>
    </message>
    <message>
        <source>Added {user} ({role}).</source>
        <translation>{user} hinzugefügt ({role}).</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Wählen Sie zuerst ein Konto aus.</translation>
    </message>
    <message>
        <source>Disabled {user}: they can no longer sign in.</source>
        <translation>{user} deaktiviert: keine Anmeldung mehr möglich.</translation>
    </message>
    <message>
        <source>Enabled {user}: they can sign in again.</source>
        <translation>{user} aktiviert: Anmeldung wieder möglich.</translation>
    </message>
    <message>
        <source>New password set for {user}.</source>
        <translation>Neues Passwort für {user} gesetzt.</translation>
    </message>
    <message>
        <source>{user} is now a {role}.</source>
        <translation>{user} hat jetzt die Rolle {role}.</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Edit patient details — {name}</source>
        <translation>Patientendaten bearbeiten — {name}</translation>
    </message>
    <message>
        <source>Admit patient</source>
        <translation>Patient aufnehmen</translation>
    </message>
    <message>
        <source>MRN:</source>
        <translation>Patienten-ID (MRN):</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Family, Given</source>
        <translation>Nachname, Vorname</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Geburtsdatum:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Geschlecht:</translation>
    </message>
    <message>
        <source>Bed:</source>
        <translation>Bett:</translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation>Diagnose:</translation>
    </message>
    <message>
        <source>Haematological cancer involving the marrow</source>
        <translation>Hämatologische Neoplasie mit Knochenmarkbefall</translation>
    </message>
    <message>
        <source>Higher risk:</source>
        <translation>Erhöhtes Risiko:</translation>
    </message>
    <message>
        <source>Immune disorder</source>
        <translation>Immunstörung</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>Grund der Änderung:</translation>
    </message>
    <message>
        <source>e.g. moved to bed 4B-02, or spelling</source>
        <translation>z. B. in Bett 4B-02 verlegt, oder Schreibweise</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>open</source>
        <translation>beim Öffnen</translation>
    </message>
    <message>
        <source>close</source>
        <translation>beim Schließen</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>nach Änderungen</translation>
    </message>
    <message>
        <source>before-restore</source>
        <translation>vor dem Wiederherstellen</translation>
    </message>
    <message>
        <source>Backups of the chart file</source>
        <translation>Sicherungen der Kurvendatei</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sicherungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation>Ausgewählte wiederherstellen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Backups are kept beside {file}, each checked before it is kept. Restoring saves the current contents as another backup first.</source>
        <translation>Sicherungen liegen neben {file}; jede wird vor dem Aufbewahren geprüft. Vor dem Wiederherstellen wird der aktuelle Inhalt als weitere Sicherung gespeichert.</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} Byte</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>NO: {why}</source>
        <translation>NEIN: {why}</translation>
    </message>
    <message>
        <source>Select a backup first.</source>
        <translation>Wählen Sie zuerst eine Sicherung aus.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the chart with the backup {name}?

Everything entered since it was taken leaves the chart (it is kept in a new backup made first).</source>
        <translation>Die Kurve durch die Sicherung {name} ersetzen?

Alles, was seitdem eingetragen wurde, verschwindet aus der Kurve (es bleibt in einer zuvor angelegten neuen Sicherung erhalten).</translation>
    </message>
    <message>
        <source>Nothing was restored: {error}</source>
        <translation>Nichts wurde wiederhergestellt: {error}</translation>
    </message>
</context>
<context>
    <name>CbcDialog</name>
    <message>
        <source>Correct CBC — {name} (MRN {mrn})</source>
        <translation>Blutbild korrigieren — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Record CBC — {name} (MRN {mrn})</source>
        <translation>Blutbild eintragen — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Taken at:</source>
        <translation>Abgenommen am:</translation>
    </message>
    <message>
        <source>Unit of counts:</source>
        <translation>Einheit der Zellwerte:</translation>
    </message>
    <message>
        <source>Accepted: {units}</source>
        <translation>Zulässig: {units}</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>WBC:</source>
        <translation>Leukozyten:</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
    <message>
        <source>Neutrophils %:</source>
        <translation>Neutrophile %:</translation>
    </message>
    <message>
        <source>Bands %:</source>
        <translation>Stabkernige %:</translation>
    </message>
    <message>
        <source>if reported</source>
        <translation>falls angegeben</translation>
    </message>
    <message>
        <source>ANC (lab-reported):</source>
        <translation>ANC (vom Labor):</translation>
    </message>
    <message>
        <source>if the lab gives it</source>
        <translation>falls das Labor sie angibt</translation>
    </message>
    <message>
        <source>Platelets:</source>
        <translation>Thrombozyten:</translation>
    </message>
    <message>
        <source>ANC lower limit (lab):</source>
        <translation>ANC untere Normgrenze (Labor):</translation>
    </message>
    <message>
        <source>WBC lower limit (lab):</source>
        <translation>Leukozyten untere Normgrenze (Labor):</translation>
    </message>
    <message>
        <source>Computed ANC and grade</source>
        <translation>Berechnete ANC und Grad</translation>
    </message>
    <message>
        <source>ANC to record:</source>
        <translation>Einzutragende ANC:</translation>
    </message>
    <message>
        <source>Reason for correction:</source>
        <translation>Grund der Korrektur:</translation>
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
        <source>&lt;b&gt;{anc}&lt;/b&gt; ×10⁹/L ({source}) — {grade}</source>
        <translation>&lt;b&gt;{anc}&lt;/b&gt; ×10⁹/L ({source}) — {grade}</translation>
    </message>
    <message>
        <source>{preview} — check: {message}</source>
        <translation>{preview} — prüfen: {message}</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>F</source>
        <extracomment>A stored code (sex, route, unit) shown in the language in use; the code is what is saved.</extracomment>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>M</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>X</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>cells/µL</source>
        <translation>Zellen/µL</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Review conflicts — the ward</source>
        <extracomment>The tables whose records the correction dialogs correct.</extracomment>
        <translation>Konflikte prüfen — Station</translation>
    </message>
    <message>
        <source>Review conflicts — {name} (MRN {mrn})</source>
        <translation>Konflikte prüfen — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Res&amp;olve</source>
        <translation>&amp;Auflösen</translation>
    </message>
    <message>
        <source>Records charted differently on two computers. Every version is kept; the chart
shows one (the same on every computer) until you settle it, with a reason.</source>
        <translation>Auf zwei Computern unterschiedlich dokumentierte Einträge. Jede Version bleibt erhalten; die Kurve
zeigt eine (auf jedem Computer dieselbe), bis Sie den Konflikt mit Begründung auflösen.</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation>Zu prüfende Konflikte</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>Konflikte:</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Angezeigt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versionen:</translation>
    </message>
    <message>
        <source>Keep the selected version</source>
        <translation>Ausgewählte Version behalten</translation>
    </message>
    <message>
        <source>Link the records as one person (keep the selected)</source>
        <translation>Einträge als eine Person verknüpfen (ausgewählte behalten)</translation>
    </message>
    <message>
        <source>Enter a new corrected version…</source>
        <translation>Neue korrigierte Version eingeben…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>e.g. checked with the lab</source>
        <translation>z. B. mit dem Labor abgeklärt</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <extracomment>The correction dialog opened for a new version, if any.</extracomment>
        <translation>Keine Konflikte zu prüfen.</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>angezeigt</translation>
    </message>
    <message>
        <source>before chart ids</source>
        <translation>vor Kurven-IDs</translation>
    </message>
    <message>
        <source>nothing to resolve</source>
        <translation>nichts aufzulösen</translation>
    </message>
    <message>
        <source>choose a version</source>
        <translation>Wählen Sie eine Version</translation>
    </message>
    <message>
        <source>give a reason for the resolution</source>
        <translation>Geben Sie eine Begründung für die Auflösung an</translation>
    </message>
    <message>
        <source>Keep once (the one charted first stays)</source>
        <translation>Einmal behalten (der zuerst eingetragene bleibt)</translation>
    </message>
    <message>
        <source>Keep and show the selected record again</source>
        <translation>Ausgewählten Eintrag behalten und wieder anzeigen</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <source>Start cycle — {name}</source>
        <translation>Zyklus beginnen — {name}</translation>
    </message>
    <message>
        <source>Correct cycle {number} — {name}</source>
        <translation>Zyklus {number} korrigieren — {name}</translation>
    </message>
    <message>
        <source>Regimen:</source>
        <translation>Therapieschema:</translation>
    </message>
    <message>
        <source>Choose from the ward&apos;s library, or type a name and give its window</source>
        <translation>Wählen Sie aus den Therapieschemata der Station, oder geben Sie einen Namen und sein Fenster ein</translation>
    </message>
    <message>
        <source>Day 1 (given on):</source>
        <translation>Tag 1 (gegeben am):</translation>
    </message>
    <message>
        <source>Nadir window:</source>
        <translation>Nadir-Fenster:</translation>
    </message>
    <message>
        <source>the regimen&apos;s (or e.g. 7-14)</source>
        <translation>aus dem Therapieschema (oder z. B. 7-14)</translation>
    </message>
    <message>
        <source>Cycle length (days):</source>
        <translation>Zykluslänge (Tage):</translation>
    </message>
    <message>
        <source>the regimen&apos;s</source>
        <translation>aus dem Therapieschema</translation>
    </message>
    <message>
        <source>Reason for correction:</source>
        <translation>Grund der Korrektur:</translation>
    </message>
    <message>
        <source>e.g. chemotherapy was given a day later</source>
        <translation>z. B. Chemotherapie einen Tag später gegeben</translation>
    </message>
    <message>
        <source>give a whole number of days</source>
        <translation>Geben Sie eine ganze Zahl von Tagen ein</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>required: choose the regimen from the list, or type its name</source>
        <extracomment>The sexes a patient&apos;s details take, by the code stored (and typed on the command line).</extracomment>
        <translation>erforderlich: Wählen Sie das Therapieschema aus der Liste oder geben Sie seinen Namen ein</translation>
    </message>
    <message>
        <source>required: choose how it was taken (oral, axillary or tympanic)</source>
        <translation>erforderlich: Wählen Sie die Messart (oral, axillary oder tympanic)</translation>
    </message>
    <message>
        <source>required: choose or type the drug given, e.g. filgrastim</source>
        <translation>erforderlich: Wählen Sie das gegebene Medikament oder geben Sie es ein, z. B. filgrastim</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>now</source>
        <comment>typed into a time field for the current time</comment>
        <extracomment>Typed into a time field, the current time; into a day-1 field, today&apos;s date.</extracomment>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>today</source>
        <comment>typed into a date field for today&apos;s date</comment>
        <translation>heute</translation>
    </message>
    <message>
        <source>Why it was not saved</source>
        <extracomment>Letters already used as Alt+letter in this dialog.</extracomment>
        <translation>Warum nicht gespeichert wurde</translation>
    </message>
    <message>
        <source>I have checked these values: save them anyway</source>
        <translation>Ich habe diese Werte geprüft: trotzdem speichern</translation>
    </message>
    <message>
        <source>Confirm the values flagged above</source>
        <translation>Die oben markierten Werte bestätigen</translation>
    </message>
    <message>
        <source>{field}: message</source>
        <extracomment>The warnings on screen (field, message), the ones a tick confirms; None if none.</extracomment>
        <translation>{field}: Meldung</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM (24-hour), or {now}</source>
        <translation>TT.MM.JJJJ HH:MM (24 Stunden), oder {now}</translation>
    </message>
    <message>
        <source>Type the date and 24-hour time as shown, e.g. 2026-03-12 08:30, or type {now}</source>
        <translation>Geben Sie Datum und 24-Stunden-Uhrzeit wie gezeigt ein, z. B. 12.03.2026 08:30, oder tippen Sie {now}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or {today}</source>
        <translation>TT.MM.JJJJ, oder {today}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Type the date as shown, e.g. 2026-03-02</source>
        <translation>Geben Sie das Datum wie gezeigt ein, z. B. 02.03.2026</translation>
    </message>
    <message>
        <source>{field}: {button}</source>
        <translation>{field}: {button}</translation>
    </message>
    <message>
        <source>required: type the date and 24-hour time, e.g. 2026-03-12 08:30</source>
        <translation>erforderlich: Geben Sie Datum und 24-Stunden-Uhrzeit ein, z. B. 12.03.2026 08:30</translation>
    </message>
    <message>
        <source>required: type the date, e.g. 2026-03-02</source>
        <translation>erforderlich: Geben Sie das Datum ein, z. B. 02.03.2026</translation>
    </message>
    <message>
        <source>Discard this entry?</source>
        <translation>Diesen Eintrag verwerfen?</translation>
    </message>
    <message>
        <source>What you typed here has not been saved. Discard it?</source>
        <translation>Was Sie hier eingegeben haben, wurde nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Not saved — {error}. What you typed is still here; try again or call IT.</source>
        <translation>Nicht gespeichert — {error}. Ihre Eingabe ist noch da; versuchen Sie es erneut oder rufen Sie die IT an.</translation>
    </message>
    <message>
        <source>Check: {message}</source>
        <translation>Prüfen: {message}</translation>
    </message>
</context>
<context>
    <name>GcsfDialog</name>
    <message>
        <source>Correct G-CSF dose — {name} (MRN {mrn})</source>
        <translation>G-CSF-Gabe korrigieren — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Record G-CSF dose — {name} (MRN {mrn})</source>
        <translation>G-CSF-Gabe eintragen — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Given at:</source>
        <translation>Gegeben am:</translation>
    </message>
    <message>
        <source>Drug:</source>
        <translation>Medikament:</translation>
    </message>
    <message>
        <source>Choose or type the drug given</source>
        <translation>Wählen Sie das gegebene Medikament oder geben Sie es ein</translation>
    </message>
    <message>
        <source>Dose:</source>
        <translation>Dosis:</translation>
    </message>
    <message>
        <source>e.g. 6 mg SC</source>
        <translation>z. B. 6 mg s.c.</translation>
    </message>
    <message>
        <source>Reason for correction:</source>
        <translation>Grund der Korrektur:</translation>
    </message>
</context>
<context>
    <name>HeldMessagesDialog</name>
    <message>
        <source>(no patient readable)</source>
        <translation>(kein Patient lesbar)</translation>
    </message>
    <message>
        <source>no id</source>
        <translation>keine ID</translation>
    </message>
    <message>
        <source>no date of birth</source>
        <translation>kein Geburtsdatum</translation>
    </message>
    <message>
        <source>{name} · {ids} · born {dob}</source>
        <translation>{name} · {ids} · geb. {dob}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>reason</source>
        <comment>a field named in a message</comment>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>patient</source>
        <comment>a field named in a message</comment>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Lab messages held</source>
        <translation>Zurückgehaltene Labornachrichten</translation>
    </message>
    <message>
        <source>Lab messages held, oldest first</source>
        <translation>Zurückgehaltene Labornachrichten, älteste zuerst</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Patient in the message</source>
        <translation>Patient in der Nachricht</translation>
    </message>
    <message>
        <source>Why held</source>
        <translation>Grund des Zurückhaltens</translation>
    </message>
    <message>
        <source>Attach to patient</source>
        <translation>Patient zuordnen</translation>
    </message>
    <message>
        <source>e.g. MRN typo at the laboratory; wristband checked</source>
        <translation>z. B. Tippfehler der MRN im Labor; Patientenarmband geprüft</translation>
    </message>
    <message>
        <source>&amp;Attach to patient</source>
        <translation>Patient &amp;zuordnen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Attach to &amp;patient:</source>
        <translation>Zuordnen zu &amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>These laboratory messages were not charted: the patient did not match (MRN and date of birth), or a value needs a person. Attach one to the right patient, or dismiss it; either needs a reason and is recorded.</source>
        <translation>Diese Labornachrichten wurden nicht eingetragen: Der Patient passte nicht (MRN und Geburtsdatum), oder ein Wert muss von einer Person geprüft werden. Ordnen Sie eine dem richtigen Patienten zu oder verwerfen Sie sie; beides braucht eine Begründung und wird festgehalten.</translation>
    </message>
    <message>
        <source>{time} UTC</source>
        <translation>{time} UTC</translation>
    </message>
    <message>
        <source>{text}
file {file} · message {id}</source>
        <translation>{text}
Datei {file} · Nachricht {id}</translation>
    </message>
    <message>
        <source>(choose a patient)</source>
        <translation>(Patient wählen)</translation>
    </message>
    <message>
        <source>{bed} · {name} · MRN {mrn} · born {dob}</source>
        <translation>{bed} · {name} · MRN {mrn} · geb. {dob}</translation>
    </message>
    <message>
        <source>No lab messages are held.</source>
        <translation>Keine Labornachrichten zurückgehalten.</translation>
    </message>
    <message>
        <source>The message names {count} patients.</source>
        <translation>Die Nachricht nennt {count} Patienten.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>MRN matches</source>
        <translation>MRN stimmt überein</translation>
    </message>
    <message>
        <source>MRN DIFFERS: message {message}, chart {chart}</source>
        <translation>MRN WEICHT AB: Nachricht {message}, Kurve {chart}</translation>
    </message>
    <message>
        <source>date of birth matches</source>
        <translation>Geburtsdatum stimmt überein</translation>
    </message>
    <message>
        <source>DATE OF BIRTH DIFFERS: message {message}, chart {chart}</source>
        <translation>GEBURTSDATUM WEICHT AB: Nachricht {message}, Kurve {chart}</translation>
    </message>
    <message>
        <source>{field}: choose the patient to attach the message to</source>
        <translation>{field}: Wählen Sie den Patienten, dem die Nachricht zugeordnet werden soll</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>Message {id} attached: 1 result charted to MRN {mrn}.</source>
        <translation>Nachricht {id} zugeordnet: 1 Ergebnis bei MRN {mrn} eingetragen.</translation>
    </message>
    <message>
        <source>Message {id} attached: {count} results charted to MRN {mrn}.</source>
        <translation>Nachricht {id} zugeordnet: {count} Ergebnisse bei MRN {mrn} eingetragen.</translation>
    </message>
    <message>
        <source>Message {id} dismissed.</source>
        <translation>Nachricht {id} verworfen.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>{values}  (typed: {typed})</source>
        <translation>{values}  (eingegeben: {typed})</translation>
    </message>
    <message>
        <source>original entry</source>
        <translation>Ersteintrag</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR: {why}</source>
        <translation>IRRTÜMLICH EINGETRAGEN: {why}</translation>
    </message>
    <message>
        <source>{time} UTC</source>
        <translation>{time} UTC</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>Verlauf des Eintrags</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Eingetragen</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Comes in: {what}</source>
        <translation>Kommt hinzu: {what}</translation>
    </message>
    <message>
        <source>Already here: {count} records and entries</source>
        <translation>Schon vorhanden: {count} Datensätze und Einträge</translation>
    </message>
    <message>
        <source>Conflicts it brings ({count}), to review after:</source>
        <translation>Entstehende Konflikte ({count}), danach zu prüfen:</translation>
    </message>
    <message>
        <source>Conflicts it brings: none</source>
        <translation>Entstehende Konflikte: keine</translation>
    </message>
    <message>
        <source>1 patient</source>
        <extracomment>Records by kind, in a nurse&apos;s words (singular, plural). Records kept in versions: a new version of one already here is a correction.</extracomment>
        <translation>1 Patient</translation>
    </message>
    <message>
        <source>{count} patients</source>
        <translation>{count} Patienten</translation>
    </message>
    <message>
        <source>1 cycle</source>
        <translation>1 Zyklus</translation>
    </message>
    <message>
        <source>{count} cycles</source>
        <translation>{count} Zyklen</translation>
    </message>
    <message>
        <source>1 CBC</source>
        <translation>1 Blutbild</translation>
    </message>
    <message>
        <source>{count} CBCs</source>
        <translation>{count} Blutbilder</translation>
    </message>
    <message>
        <source>1 temperature</source>
        <translation>1 Temperatur</translation>
    </message>
    <message>
        <source>{count} temperatures</source>
        <translation>{count} Temperaturen</translation>
    </message>
    <message>
        <source>1 G-CSF dose</source>
        <translation>1 G-CSF-Gabe</translation>
    </message>
    <message>
        <source>{count} G-CSF doses</source>
        <translation>{count} G-CSF-Gaben</translation>
    </message>
    <message>
        <source>1 precautions entry</source>
        <translation>1 Schutzmaßnahmen-Eintrag</translation>
    </message>
    <message>
        <source>{count} precautions entries</source>
        <translation>{count} Schutzmaßnahmen-Einträge</translation>
    </message>
    <message>
        <source>1 regimen</source>
        <translation>1 Therapieschema</translation>
    </message>
    <message>
        <source>{count} regimens</source>
        <translation>{count} Therapieschemata</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 Konto</translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation>{count} Konten</translation>
    </message>
    <message>
        <source>1 ward setting change</source>
        <translation>1 Änderung der Stationseinstellungen</translation>
    </message>
    <message>
        <source>{count} ward setting changes</source>
        <translation>{count} Änderungen der Stationseinstellungen</translation>
    </message>
    <message>
        <source>1 laboratory message</source>
        <translation>1 Labornachricht</translation>
    </message>
    <message>
        <source>{count} laboratory messages</source>
        <translation>{count} Labornachrichten</translation>
    </message>
    <message>
        <source>1 conflict resolution</source>
        <translation>1 Konfliktauflösung</translation>
    </message>
    <message>
        <source>{count} conflict resolutions</source>
        <translation>{count} Konfliktauflösungen</translation>
    </message>
    <message>
        <source>1 correction</source>
        <translation>1 Korrektur</translation>
    </message>
    <message>
        <source>{count} corrections</source>
        <translation>{count} Korrekturen</translation>
    </message>
    <message>
        <source>nothing new — this chart has it all</source>
        <translation>nichts Neues — diese Kurve hat bereits alles</translation>
    </message>
    <message>
        <source>Merge from another chart</source>
        <extracomment>The file and passphrase previewed (Merge is offered for exactly these). The merge done (None until then): for the status bar.</extracomment>
        <translation>Aus einer anderen Kurve zusammenführen</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Bring in everything charted in another copy of this ward&apos;s chart (a clinic
laptop&apos;s, say). Nothing is overwritten: records made apart that cannot both
stand are kept, shown as conflicts to review. The other file is not changed.</source>
        <translation>Übernimmt alles, was in einer anderen Kopie der Kurve dieser Station dokumentiert wurde (etwa
auf einem Ambulanz-Laptop). Nichts wird überschrieben: Getrennt erfasste Einträge, die nicht
beide gelten können, bleiben erhalten und werden als Konflikte angezeigt. Die andere Datei bleibt unverändert.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the chart file to merge</source>
        <translation>Zusammenzuführende Kurvendatei wählen</translation>
    </message>
    <message>
        <source>Chart file:</source>
        <translation>Kurvendatei:</translation>
    </message>
    <message>
        <source>e.g. /media/usb/laptop.sqlite</source>
        <translation>z. B. /media/usb/laptop.sqlite</translation>
    </message>
    <message>
        <source>The other chart file: type its path, or Browse…</source>
        <translation>Die andere Kurvendatei: Geben Sie den Pfad ein oder wählen Sie Durchsuchen…</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>Ihre Passphrase:</translation>
    </message>
    <message>
        <source>What the merge brings in</source>
        <translation>Was das Zusammenführen übernimmt</translation>
    </message>
    <message>
        <source>Chart files (*.sqlite *.db);;All files (*)</source>
        <translation>Kurvendateien (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>choose the chart file to merge</source>
        <translation>Wählen Sie die zusammenzuführende Kurvendatei</translation>
    </message>
    <message>
        <source>this chart file is encrypted: type its passphrase</source>
        <translation>Diese Kurvendatei ist verschlüsselt: Geben Sie ihre Passphrase ein</translation>
    </message>
</context>
<context>
    <name>PrecautionsDialog</name>
    <message>
        <source>Set neutropenic precautions — {name}</source>
        <translation>Neutropenie-Schutzmaßnahmen setzen — {name}</translation>
    </message>
    <message>
        <source>Clear neutropenic precautions — {name}</source>
        <translation>Neutropenie-Schutzmaßnahmen aufheben — {name}</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>RegimensDialog</name>
    <message>
        <source>A cycle copies its regimen&apos;s values when it starts: changing the library never changes a cycle already started, only the cycles started from now on.</source>
        <translation>Ein Zyklus übernimmt beim Beginn die Werte seines Therapieschemas: Eine Änderung der Sammlung ändert nie einen bereits begonnenen Zyklus, nur die ab jetzt begonnenen.</translation>
    </message>
    <message>
        <source>irrespective</source>
        <translation>unabhängig davon</translation>
    </message>
    <message>
        <source>Add a regimen</source>
        <translation>Therapieschema hinzufügen</translation>
    </message>
    <message>
        <source>Replace the regimen {name}</source>
        <translation>Therapieschema {name} ersetzen</translation>
    </message>
    <message>
        <source>{past_cycles} Saving under the name of a regimen in the library replaces it.</source>
        <translation>{past_cycles} Speichern unter dem Namen eines vorhandenen Therapieschemas ersetzt dieses.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Cycle length (days):</source>
        <translation>Zykluslänge (Tage):</translation>
    </message>
    <message>
        <source>e.g. 21</source>
        <translation>z. B. 21</translation>
    </message>
    <message>
        <source>Nadir window (cycle days):</source>
        <translation>Nadir-Fenster (Zyklustage):</translation>
    </message>
    <message>
        <source>first-last, e.g. 7-14</source>
        <translation>erster-letzter, z. B. 7-14</translation>
    </message>
    <message>
        <source>a count in ×10⁹/L, or none: the next cycle goes ahead irrespective of it</source>
        <translation>ein Zellwert in ×10⁹/L, oder „keine“: Der nächste Zyklus beginnt unabhängig davon</translation>
    </message>
    <message>
        <source>Day-1 ANC at least (×10⁹/L):</source>
        <translation>ANC an Tag 1 mindestens (×10⁹/L):</translation>
    </message>
    <message>
        <source>ANC comparison:</source>
        <translation>ANC-Vergleich:</translation>
    </message>
    <message>
        <source>Day-1 platelets at least (×10⁹/L):</source>
        <translation>Thrombozyten an Tag 1 mindestens (×10⁹/L):</translation>
    </message>
    <message>
        <source>Platelet comparison:</source>
        <translation>Thrombozyten-Vergleich:</translation>
    </message>
    <message>
        <source>G-CSF required</source>
        <translation>G-CSF erforderlich</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Regimen library</source>
        <translation>Therapieschemata</translation>
    </message>
    <message>
        <source>The ward&apos;s regimens: a new cycle takes its nadir window, length and day-1 thresholds from here. {past_cycles}</source>
        <translation>Die Therapieschemata der Station: Ein neuer Zyklus übernimmt von hier Nadir-Fenster, Länge und Schwellen für Tag 1. {past_cycles}</translation>
    </message>
    <message>
        <source>Regimens, by name</source>
        <translation>Therapieschemata, nach Name</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Nadir window</source>
        <translation>Nadir-Fenster</translation>
    </message>
    <message>
        <source>Day-1 ANC</source>
        <translation>ANC Tag 1</translation>
    </message>
    <message>
        <source>Day-1 platelets</source>
        <translation>Thrombozyten Tag 1</translation>
    </message>
    <message>
        <source>G-CSF</source>
        <translation>G-CSF</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
    <message>
        <source>&amp;Add regimen…</source>
        <translation>Therapieschema &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Replace selected…</source>
        <translation>Ausgewähltes &amp;ersetzen…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} T</translation>
    </message>
    <message>
        <source>days {first}–{last}</source>
        <translation>Tage {first}–{last}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Added the regimen {name}; cycles already started keep their own values.</source>
        <translation>Therapieschema {name} hinzugefügt; bereits begonnene Zyklen behalten ihre eigenen Werte.</translation>
    </message>
    <message>
        <source>Saved the regimen {name}; cycles already started keep their own values.</source>
        <translation>Therapieschema {name} gespeichert; bereits begonnene Zyklen behalten ihre eigenen Werte.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to wardchart</source>
        <translation>Bei wardchart anmelden</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Anmeldemeldung</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to see and chart the patients in
{path}</source>
        <translation>Melden Sie sich an, um die Patienten dieser Kurvendatei zu sehen und zu dokumentieren:
{path}</translation>
    </message>
</context>
<context>
    <name>TemperatureDialog</name>
    <message>
        <source>Correct temperature — {name} (MRN {mrn})</source>
        <translation>Temperatur korrigieren — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Record temperature — {name} (MRN {mrn})</source>
        <translation>Temperatur eintragen — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>Taken at:</source>
        <translation>Gemessen am:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Messart:</translation>
    </message>
    <message>
        <source>How it was taken: {routes}</source>
        <translation>Wie gemessen wurde: {routes}</translation>
    </message>
    <message>
        <source>Reason for correction:</source>
        <translation>Grund der Korrektur:</translation>
    </message>
    <message>
        <source>give the temperature, e.g. {example}</source>
        <translation>Geben Sie die Temperatur ein, z. B. {example}</translation>
    </message>
</context>
<context>
    <name>WardSettingsDialog</name>
    <message>
        <source>Ward name:</source>
        <extracomment>The settings in the order shown, each with its label.</extracomment>
        <translation>Name der Station:</translation>
    </message>
    <message>
        <source>CTCAE version:</source>
        <translation>CTCAE-Version:</translation>
    </message>
    <message>
        <source>Fever rule:</source>
        <translation>Fieberregel:</translation>
    </message>
    <message>
        <source>Recovery ANC (×10⁹/L):</source>
        <translation>Erholungs-ANC (×10⁹/L):</translation>
    </message>
    <message>
        <source>ANC lower limit if the lab gives none:</source>
        <translation>ANC-Normgrenze ohne Laborangabe:</translation>
    </message>
    <message>
        <source>WBC lower limit if the lab gives none:</source>
        <translation>Leukozyten-Normgrenze ohne Laborangabe:</translation>
    </message>
    <message>
        <source>Lock after idle minutes:</source>
        <translation>Sperren nach Minuten ohne Eingabe:</translation>
    </message>
    <message>
        <source>Backups kept, newest:</source>
        <translation>Aufbewahrte Sicherungen, neueste:</translation>
    </message>
    <message>
        <source>Backups kept, one a day for days:</source>
        <translation>Tägliche Sicherungen aufbewahren, Tage:</translation>
    </message>
    <message>
        <source>Chart HL7 test messages:</source>
        <translation>HL7-Testnachrichten eintragen:</translation>
    </message>
    <message>
        <source>Laboratory&apos;s own codes:</source>
        <translation>Eigene Codes des Labors:</translation>
    </message>
    <message>
        <source>Lab inbox folder:</source>
        <translation>Eingangsordner für Laborbefunde:</translation>
    </message>
    <message>
        <source>Ward hub address:</source>
        <translation>Adresse des Stations-Hubs:</translation>
    </message>
    <message>
        <source>Warn when out of step with the hub after minutes:</source>
        <translation>Warnung nach Minuten ohne Hub-Abgleich:</translation>
    </message>
    <message>
        <source>no</source>
        <extracomment>Settings chosen from a list: every value the setting accepts. Settings that are counts: typed with a decimal comma in German, as in the CBC dialog. Answers shown in words in the language in use (saved as the command line types them).</extracomment>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>e.g. WBC=wbc; NEUT#=anc, or empty for LOINC only</source>
        <extracomment>Shorter than the hint (which the tooltip gives whole), where that would not fit.</extracomment>
        <translation>z. B. WBC=wbc; NEUT#=anc, oder leer für nur LOINC</translation>
    </message>
    <message>
        <source>e.g. postgresql://ward4a@db.example/ward4a, or empty for none</source>
        <translation>z. B. postgresql://ward4a@db.example/ward4a, oder leer für keinen</translation>
    </message>
    <message>
        <source>Ward settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>Only ward administrators change these. Each change is recorded in the audit log with its old and new value; hover over a field for what it accepts.</source>
        <translation>Nur Stationsadministratoren ändern diese Werte. Jede Änderung wird mit altem und neuem Wert im Prüfprotokoll festgehalten; zeigen Sie mit der Maus auf ein Feld, um zu sehen, was es annimmt.</translation>
    </message>
    <message>
        <source>{key}: fixed for this computer by IT in {path}</source>
        <translation>{key}: für diesen Computer von der IT festgelegt in {path}</translation>
    </message>
    <message>
        <source>{label} (fixed by IT):</source>
        <translation>{label} (von der IT festgelegt):</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Mark entered in error — {name} (MRN {mrn})</source>
        <translation>Als irrtümlich eingetragen markieren — {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>{what}

The record leaves the chart but stays in its history and the audit log.</source>
        <translation>{what}

Der Eintrag verschwindet aus der Kurve, bleibt aber in seinem Verlauf und im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>e.g. wrong patient</source>
        <translation>z. B. falscher Patient</translation>
    </message>
</context>
</TS>
