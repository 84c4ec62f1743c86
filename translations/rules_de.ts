<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <source>ward administrator</source>
        <translation>Stationsadministrator</translation>
    </message>
    <message>
        <source>2–32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter</source>
        <extracomment>Lower-case letters, digits and . _ - ; 2–32 characters, starting with a letter. Wrong passwords allowed before each further try must wait (see ``backoff_seconds``).</extracomment>
        <translation>2–32 Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <source>give the person&apos;s full name (up to 120 characters)</source>
        <translation>Geben Sie den vollständigen Namen der Person an (bis zu 120 Zeichen)</translation>
    </message>
    <message>
        <source>1–4 letters</source>
        <translation>1–4 Buchstaben</translation>
    </message>
    <message>
        <source>one of: {roles}</source>
        <translation>eines von: {roles}</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>at most {count} characters</source>
        <translation>höchstens {count} Zeichen</translation>
    </message>
    <message>
        <source>no control characters</source>
        <translation>keine Steuerzeichen</translation>
    </message>
</context>
<context>
    <name>CensusLine</name>
    <message>
        <source>conflict</source>
        <extracomment>The flag of a patient with records in conflict after merging charts (docs/merging.md).</extracomment>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>FN alert</source>
        <extracomment>The other flags, most urgent first (compared and stored in English, shown translated).</extracomment>
        <translation>FN-Alarm</translation>
    </message>
    <message>
        <source>possible FN</source>
        <translation>mögliche FN</translation>
    </message>
    <message>
        <source>no CBC 24 h</source>
        <translation>kein BB 24 h</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>before</source>
        <extracomment>Where today falls against the expected nadir window, as people read it.</extracomment>
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
        <source>C{cycle} D{day}</source>
        <extracomment>Today&apos;s cycle and cycle day, as the census shows it (&quot;C3 D12&quot;).</extracomment>
        <translation>Z{cycle} d{day}</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>corrected differently on two computers</source>
        <extracomment>The change it replaced (the value current where it was made); None for the first change of a key, and for changes saved before settings named it. The replica that saved it; None for changes saved before chart ids. What each kind of conflict is, in a nurse&apos;s words.</extracomment>
        <translation>auf zwei Computern unterschiedlich korrigiert</translation>
    </message>
    <message>
        <source>regimen changed on two computers</source>
        <translation>Therapieschema auf zwei Computern geändert</translation>
    </message>
    <message>
        <source>account changed on two computers</source>
        <translation>Konto auf zwei Computern geändert</translation>
    </message>
    <message>
        <source>one MRN admitted as two patients</source>
        <translation>eine MRN als zwei Patienten aufgenommen</translation>
    </message>
    <message>
        <source>two cycles with one number</source>
        <translation>zwei Zyklen mit derselben Nummer</translation>
    </message>
    <message>
        <source>one bed given to two patients</source>
        <translation>ein Bett an zwei Patienten vergeben</translation>
    </message>
    <message>
        <source>one user name on two accounts</source>
        <translation>ein Benutzername für zwei Konten</translation>
    </message>
    <message>
        <source>ward setting changed on two computers</source>
        <translation>Stationseinstellung auf zwei Computern geändert</translation>
    </message>
    <message>
        <source>charted twice on two computers</source>
        <translation>auf zwei Computern doppelt eingetragen</translation>
    </message>
    <message>
        <source>two different results at one collection time, charted on two computers</source>
        <translation>zwei verschiedene Ergebnisse zu einem Abnahmezeitpunkt, auf zwei Computern eingetragen</translation>
    </message>
    <message>
        <source>resolved differently on two computers — nothing shown</source>
        <translation>auf zwei Computern verschieden aufgelöst — nichts angezeigt</translation>
    </message>
    <message>
        <source>conflict — review</source>
        <extracomment>The words on every conflict mark (census, header, record tables, printouts).</extracomment>
        <translation>Konflikt — prüfen</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>{value}: a count cannot be negative; give it without a minus sign</source>
        <translation>{value}: Ein Zellwert kann nicht negativ sein; geben Sie ihn ohne Minuszeichen ein</translation>
    </message>
    <message>
        <source>{count} ×10⁹/L is not a possible count; as cells/µL that would be {as_cells} ×10⁹/L</source>
        <translation>{count} ×10⁹/L ist kein möglicher Zellwert; als Zellen/µL wären das {as_cells} ×10⁹/L</translation>
    </message>
    <message>
        <source>{count} ×10⁹/L is not a possible count</source>
        <translation>{count} ×10⁹/L ist kein möglicher Zellwert</translation>
    </message>
    <message>
        <source>{value} ×10⁹/L is above any analyser&apos;s range; probably cells/µL (as cells/µL that would be {as_cells} ×10⁹/L)</source>
        <translation>{value} ×10⁹/L liegt über dem Messbereich jedes Analysegeräts; wahrscheinlich Zellen/µL (als Zellen/µL wären das {as_cells} ×10⁹/L)</translation>
    </message>
    <message>
        <source>{value} cells/µL is not a whole number (cells are counted whole); probably the wrong unit or decimal mark</source>
        <translation>{value} Zellen/µL ist keine ganze Zahl (Zellen werden ganz gezählt); wahrscheinlich falsche Einheit oder falsches Dezimalzeichen</translation>
    </message>
    <message>
        <source>{count} ×10⁹/L is below the analyser&apos;s lowest reportable WBC ({lowest}); check the value and the unit</source>
        <translation>{count} ×10⁹/L liegt unter den niedrigsten Leukozyten, die ein Analysegerät ausgibt ({lowest}); prüfen Sie Wert und Einheit</translation>
    </message>
    <message>
        <source>a lower limit of normal cannot be 0</source>
        <translation>Eine untere Normgrenze kann nicht 0 sein</translation>
    </message>
    <message>
        <source>a lower limit of {count} ×10⁹/L is unusual (expected {low} to {high}); check the unit and the box</source>
        <translation>Eine untere Normgrenze von {count} ×10⁹/L ist ungewöhnlich (erwartet {low} bis {high}); prüfen Sie Einheit und Feld</translation>
    </message>
    <message>
        <source>{pct} % is impossible; give 0 to 100</source>
        <translation>{pct} % ist unmöglich; geben Sie 0 bis 100 ein</translation>
    </message>
    <message>
        <source>neutrophil % plus band % is more than 100</source>
        <translation>Neutrophile % plus Stabkernige % ergibt mehr als 100</translation>
    </message>
    <message>
        <source>ANC {anc} is more than the WBC {wbc}</source>
        <translation>ANC {anc} ist größer als die Leukozyten {wbc}</translation>
    </message>
    <message>
        <source>give a WBC, an ANC, or a WBC with neutrophil %</source>
        <extracomment>What a CBC needs, in the words used wherever it is asked for.</extracomment>
        <translation>Geben Sie Leukozyten, eine ANC oder Leukozyten mit Neutrophilen % ein</translation>
    </message>
    <message>
        <source>a neutrophil % needs the WBC to compute the ANC</source>
        <translation>Für die Berechnung der ANC aus Neutrophilen % werden die Leukozyten benötigt</translation>
    </message>
    <message>
        <source>a band % needs the neutrophil % as well</source>
        <translation>Stabkernige % erfordern auch die Neutrophilen %</translation>
    </message>
    <message>
        <source>{pct} % looks like a decimal fraction; did you mean {percent} %?</source>
        <translation>{pct} % sieht wie ein Dezimalbruch aus; meinten Sie {percent} %?</translation>
    </message>
    <message>
        <source>WBC {wbc} ×10⁹/L is above 100 with no G-CSF in the last 7 days</source>
        <translation>Leukozyten {wbc} ×10⁹/L liegen über 100 ohne G-CSF in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>{value} must be above 0</source>
        <extracomment>Day-1 thresholds in ×10⁹/L: the sources give ANC 1.0 to 1.5 and platelets 75 to 100; outside these margins a threshold is probably in another unit (see docs/plausibility.md).</extracomment>
        <translation>{value} muss größer als 0 sein</translation>
    </message>
    <message>
        <source>{value} ×10⁹/L is unusual (expected {low} to {high}); check the unit (1500 cells/µL is 1.5 ×10⁹/L)</source>
        <translation>{value} ×10⁹/L ist ungewöhnlich (erwartet {low} bis {high}); prüfen Sie die Einheit (1500 Zellen/µL sind 1,5 ×10⁹/L)</translation>
    </message>
</context>
<context>
    <name>Cycles</name>
    <message>
        <source>give a cycle length from 1 to {most} days</source>
        <translation>Geben Sie eine Zykluslänge von 1 bis {most} Tagen ein</translation>
    </message>
    <message>
        <source>give the first and last day, e.g. 7-14, with 1 ≤ first ≤ last ≤ {most}</source>
        <translation>Geben Sie ersten und letzten Tag ein, z. B. 7-14, mit 1 ≤ erster ≤ letzter ≤ {most}</translation>
    </message>
    <message>
        <source>{days} days is unusual for a cycle (usually {low} to {high})</source>
        <translation>{days} Tage sind für einen Zyklus ungewöhnlich (meist {low} bis {high})</translation>
    </message>
    <message>
        <source>the window ends on day {end}, after the cycle&apos;s {days} days</source>
        <translation>Das Fenster endet an Tag {end}, nach den {days} Tagen des Zyklus</translation>
    </message>
    <message>
        <source>{day1} is in the future; day 1 is the date chemotherapy was actually given</source>
        <translation>{day1} liegt in der Zukunft; Tag 1 ist das Datum, an dem die Chemotherapie tatsächlich gegeben wurde</translation>
    </message>
    <message>
        <source>{day1} is before the patient&apos;s date of birth</source>
        <translation>{day1} liegt vor dem Geburtsdatum des Patienten</translation>
    </message>
    <message>
        <source>{day1} is not after the previous cycle&apos;s day 1 ({previous})</source>
        <translation>{day1} liegt nicht nach Tag 1 des vorigen Zyklus ({previous})</translation>
    </message>
    <message>
        <source>{day1} is not before the next cycle&apos;s day 1 ({next})</source>
        <translation>{day1} liegt nicht vor Tag 1 des nächsten Zyklus ({next})</translation>
    </message>
    <message>
        <source>{day1} is {days} days ago, longer than the {length}-day cycle; check the date</source>
        <translation>{day1} liegt {days} Tage zurück, länger als der {length}-Tage-Zyklus; prüfen Sie das Datum</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{typed} has a {digits}-digit year; give all four digits, e.g. 26.11.2026, so that the century is never guessed</source>
        <extracomment>The years a typed date or time may fall in. Anything outside is a typing slip (and the edges of Python&apos;s calendar, years 1 and 9999, cannot be converted between zones). What the window shows and what a nurse types: date, and date with 24-hour time.</extracomment>
        <translation>{typed} hat eine {digits}-stellige Jahreszahl; geben Sie alle vier Ziffern ein, z. B. 26.11.2026, damit das Jahrhundert nie geraten wird</translation>
    </message>
    <message>
        <source>{typed} is not a date; give DD.MM.YYYY, e.g. 02.03.2026</source>
        <translation>{typed} ist kein Datum; geben Sie TT.MM.JJJJ ein, z. B. 02.03.2026</translation>
    </message>
    <message>
        <source>{typed} is not a date; give YYYY-MM-DD, e.g. 2026-03-02</source>
        <translation>{typed} ist kein Datum; geben Sie JJJJ-MM-TT ein, z. B. 2026-03-02</translation>
    </message>
    <message>
        <source>{typed} is not a real calendar date</source>
        <translation>{typed} ist kein gültiges Kalenderdatum</translation>
    </message>
    <message>
        <source>{day} is outside the years {first} to {last}; check the year</source>
        <translation>{day} liegt außerhalb der Jahre {first} bis {last}; prüfen Sie das Jahr</translation>
    </message>
    <message>
        <source>{typed} is not a date and 24-hour time; give e.g. 12.03.2026 08:30</source>
        <translation>{typed} ist kein Datum mit 24-Stunden-Uhrzeit; geben Sie z. B. 12.03.2026 08:30 ein</translation>
    </message>
    <message>
        <source>{typed} is not a date and 24-hour time; give e.g. 2026-03-12 08:30</source>
        <translation>{typed} ist kein Datum mit 24-Stunden-Uhrzeit; geben Sie z. B. 2026-03-12 08:30 ein</translation>
    </message>
    <message>
        <source>{typed} has a fraction of a second; give the time to the minute (or whole seconds), e.g. 2026-03-12 08:30</source>
        <translation>{typed} enthält Sekundenbruchteile; geben Sie die Uhrzeit auf die Minute genau (oder in ganzen Sekunden) ein, z. B. 2026-03-12 08:30</translation>
    </message>
    <message>
        <source>{typed} is not a real date and time</source>
        <translation>{typed} ist kein gültiges Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>{typed} did not exist on this computer&apos;s clock: the clocks went forward for daylight saving; check the time</source>
        <translation>{typed} gab es auf der Uhr dieses Computers nicht: Die Uhren wurden auf Sommerzeit vorgestellt; prüfen Sie die Uhrzeit</translation>
    </message>
    <message>
        <source>{typed} happened twice: the clocks went back for daylight saving; add the UTC offset: {typed} {first} or {typed} {second}</source>
        <translation>{typed} gab es zweimal: Die Uhren wurden auf Winterzeit zurückgestellt; geben Sie den UTC-Versatz an: {typed} {first} oder {typed} {second}</translation>
    </message>
</context>
<context>
    <name>FeverRules</name>
    <message>
        <source>{rule}: single temperature {op} {celsius} °C, or {sustained_op} {sustained} °C sustained {minutes_op} {minutes} min; ANC {anc_op} {anc} ×10⁹/L</source>
        <translation>{rule}: einmalige Temperatur {op} {celsius} °C oder {sustained_op} {sustained} °C anhaltend {minutes_op} {minutes} min; ANC {anc_op} {anc} ×10⁹/L</translation>
    </message>
    <message>
        <source>{rule}: single temperature {op} {celsius} °C; ANC {anc_op} {anc} ×10⁹/L</source>
        <translation>{rule}: einmalige Temperatur {op} {celsius} °C; ANC {anc_op} {anc} ×10⁹/L</translation>
    </message>
    <message>
        <source>temperature {celsius} °C</source>
        <translation>Temperatur {celsius} °C</translation>
    </message>
    <message>
        <source>temperature {readings} sustained {minutes} min</source>
        <translation>Temperatur {readings} anhaltend über {minutes} min</translation>
    </message>
    <message>
        <source>{reason} with no ANC in the previous 48 h — possible neutropenic fever; take a CBC now ({rule})</source>
        <translation>{reason} ohne ANC in den letzten 48 h — mögliches neutropenisches Fieber; jetzt ein Blutbild abnehmen ({rule})</translation>
    </message>
    <message>
        <source>{reason}; ANC {anc} ×10⁹/L at {taken} ({rule})</source>
        <translation>{reason}; ANC {anc} ×10⁹/L am {taken} ({rule})</translation>
    </message>
    <message>
        <source>{reason}; ANC {anc} ×10⁹/L at {taken} (expected to fall below the limit within 48 h) ({rule})</source>
        <translation>{reason}; ANC {anc} ×10⁹/L am {taken} (Abfall unter den Grenzwert innerhalb von 48 h erwartet) ({rule})</translation>
    </message>
</context>
<context>
    <name>FhirRules</name>
    <message>
        <source>status {status} is not one wardchart charts</source>
        <extracomment>wardchart&apos;s own identifiers: a record&apos;s id, stable across exports and corrections. The name space of the uuids in fullUrl (uuid5 of the identifier value). The codes wardchart writes for a CBC&apos;s values: LOINC code, display, UCUM unit. Temperature codes read on import: body temperature and oral temperature. Bundle types whose entries are charted (a transaction is read as a collection). FHIR Observation.status (R4 value set observation-status) as an HL7 v2 OBX-11 code, so the HL7 rules decide: what is charted, what carries no result, what needs a person. No measurement has more significant digits than a double: Synthea writes 16.</extracomment>
        <translation>Status {status} übernimmt wardchart nicht in die Kurve</translation>
    </message>
    <message>
        <source>no numeric value</source>
        <translation>kein Zahlenwert</translation>
    </message>
    <message>
        <source>{value} has more digits than any measurement</source>
        <translation>{value} hat mehr Stellen als jeder Messwert</translation>
    </message>
    <message>
        <source>{value} is negative</source>
        <translation>{value} ist negativ</translation>
    </message>
    <message>
        <source>{value} is a bound, not a count</source>
        <translation>{value} ist eine Grenze, kein Zählwert</translation>
    </message>
    <message>
        <source>no effective time</source>
        <translation>kein Abnahmezeitpunkt</translation>
    </message>
    <message>
        <source>effective time {value} has no time of day</source>
        <translation>Abnahmezeitpunkt {value} hat keine Uhrzeit</translation>
    </message>
    <message>
        <source>effective time {value} is not a FHIR dateTime</source>
        <translation>Abnahmezeitpunkt {value} ist kein FHIR-dateTime</translation>
    </message>
    <message>
        <source>effective time {value} has no time-zone offset</source>
        <translation>Abnahmezeitpunkt {value} hat keine Zeitzonenangabe</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>not gradable ({why}), CTCAE v{version}</source>
        <translation>nicht graduierbar ({why}), CTCAE v{version}</translation>
    </message>
    <message>
        <source>grade {grade}, CTCAE v{version}</source>
        <translation>Grad {grade}, CTCAE v{version}</translation>
    </message>
    <message>
        <source>needs the lab&apos;s lower limit of normal</source>
        <translation>benötigt die untere Normgrenze des Labors</translation>
    </message>
</context>
<context>
    <name>Hl7Rules</name>
    <message>
        <source>{entry} is not CODE=quantity, e.g. WBC=wbc; NEUT#=anc</source>
        <translation>{entry} hat nicht die Form CODE=Größe, z. B. WBC=wbc; NEUT#=anc</translation>
    </message>
    <message>
        <source>{concept} is not one of {names}</source>
        <translation>{concept} ist keine von {names}</translation>
    </message>
    <message>
        <source>{entry} has no visible code</source>
        <translation>{entry} hat keinen sichtbaren Code</translation>
    </message>
    <message>
        <source>code {code} is mapped twice</source>
        <translation>Code {code} ist zweimal zugeordnet</translation>
    </message>
    <message>
        <source>observation {codes} is coded as two different things</source>
        <translation>Beobachtung {codes} ist als zwei verschiedene Größen codiert</translation>
    </message>
    <message>
        <source>observation {codes} is named a granulocyte count, which is not an ANC</source>
        <translation>Beobachtung {codes} heißt Granulozytenzahl; das ist keine ANC</translation>
    </message>
    <message>
        <source>{value} is a bound, not a count</source>
        <translation>{value} ist eine Grenze, kein Zählwert</translation>
    </message>
    <message>
        <source>{value} is a range or ratio, not a count</source>
        <translation>{value} ist ein Bereich oder Verhältnis, kein Zählwert</translation>
    </message>
    <message>
        <source>value type {kind} is not a number</source>
        <translation>Werttyp {kind} ist keine Zahl</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>{value} contains a comma: 1,5 or 1500?</source>
        <translation>{value} enthält ein Komma: 1,5 oder 1500?</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} ist keine Zahl</translation>
    </message>
    <message>
        <source>{value} has more digits than any measurement</source>
        <translation>{value} hat mehr Stellen als jeder Messwert</translation>
    </message>
    <message>
        <source>{value} is negative</source>
        <translation>{value} ist negativ</translation>
    </message>
    <message>
        <source>the laboratory deleted a result; withdraw it from the chart by hand</source>
        <translation>das Labor hat einen Befund gelöscht; nehmen Sie ihn von Hand aus der Kurve</translation>
    </message>
    <message>
        <source>the laboratory says a result was posted to the wrong patient</source>
        <translation>laut Labor wurde ein Befund dem falschen Patienten zugeordnet</translation>
    </message>
    <message>
        <source>result status {status} is not one wardchart knows</source>
        <translation>Befundstatus {status} ist wardchart nicht bekannt</translation>
    </message>
    <message>
        <source>a test message (MSH-11 T); the ward setting hl7_accept_test is off</source>
        <translation>eine Testnachricht (MSH-11 T); die Stationseinstellung hl7_accept_test ist aus</translation>
    </message>
    <message>
        <source>a quality-control message (MSH-11 Q) is never charted</source>
        <translation>eine Qualitätskontroll-Nachricht (MSH-11 Q) wird nie in die Kurve übernommen</translation>
    </message>
    <message>
        <source>processing id {mode} is not production (P)</source>
        <translation>Verarbeitungs-ID {mode} ist nicht Produktion (P)</translation>
    </message>
    <message>
        <source>HL7 version {version} is not v2</source>
        <translation>HL7-Version {version} ist nicht v2</translation>
    </message>
    <message>
        <source>{value} is not a date and time to the minute</source>
        <translation>{value} ist kein Datum mit minutengenauer Uhrzeit</translation>
    </message>
    <message>
        <source>{value} is outside the years {first} to {last}; check the year</source>
        <translation>{value} liegt außerhalb der Jahre {first} bis {last}; prüfen Sie das Jahr</translation>
    </message>
    <message>
        <source>{value} is not a real date and time</source>
        <translation>{value} ist kein gültiges Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>{concept} {value} has no unit</source>
        <translation>{concept} {value} hat keine Einheit</translation>
    </message>
    <message>
        <source>{concept} {value} has unit {unit}, which wardchart does not know</source>
        <translation>{concept} {value} hat die Einheit {unit}, die wardchart nicht kennt</translation>
    </message>
    <message>
        <source>a decimal fraction (71676-1) sent with unit {unit}</source>
        <translation>ein Dezimalbruch (71676-1), gesendet mit der Einheit {unit}</translation>
    </message>
    <message>
        <source>a decimal fraction of {value} is more than 1</source>
        <translation>ein Dezimalbruch von {value} ist größer als 1</translation>
    </message>
    <message>
        <source>{concept} {value} has unit {unit}, not %</source>
        <translation>{concept} {value} hat die Einheit {unit}, nicht %</translation>
    </message>
    <message>
        <source>{concept} {value} has no unit: a fraction ({percent} %) or {value} %?</source>
        <translation>{concept} {value} hat keine Einheit: ein Anteil ({percent} %) oder {value} %?</translation>
    </message>
    <message>
        <source>two different {concept} values in one result</source>
        <translation>zwei verschiedene Werte für {concept} in einem Befund</translation>
    </message>
    <message>
        <source>both a neutrophil % and a segmented neutrophil %: which one?</source>
        <translation>sowohl Neutrophile % als auch segmentkernige Neutrophile %: welcher Wert gilt?</translation>
    </message>
    <message>
        <source>a total neutrophil % and a band %: adding them could count the bands twice</source>
        <translation>Neutrophile gesamt % und Stabkernige %: zusammengezählt würden die Stabkernigen doppelt gezählt</translation>
    </message>
    <message>
        <source>{name} {value} ×10⁹/L is above any analyser&apos;s range</source>
        <translation>{name} {value} ×10⁹/L liegt über dem Messbereich jedes Analysegeräts</translation>
    </message>
    <message>
        <source>wbc {value} ×10⁹/L is below the analyser&apos;s range</source>
        <translation>wbc {value} ×10⁹/L liegt unter dem Messbereich des Analysegeräts</translation>
    </message>
    <message>
        <source>a lower limit of normal of {value} ×10⁹/L is unusual</source>
        <translation>eine untere Normgrenze von {value} ×10⁹/L ist ungewöhnlich</translation>
    </message>
    <message>
        <source>MSH-2 {value} is not four encoding characters (e.g. ^~\&amp;)</source>
        <translation>MSH-2 {value} sind nicht vier Kodierzeichen (z. B. ^~\&amp;)</translation>
    </message>
    <message>
        <source>delimiter {value} in MSH-1/MSH-2 could be part of a value; the usual ones are |^~\&amp;</source>
        <translation>Trennzeichen {value} in MSH-1/MSH-2 könnte Teil eines Wertes sein; üblich sind |^~\&amp;</translation>
    </message>
    <message>
        <source>MSH-1/MSH-2 {value} use a delimiter twice</source>
        <translation>MSH-1/MSH-2 {value} verwenden ein Trennzeichen doppelt</translation>
    </message>
    <message>
        <source>give a reason for attaching or dismissing a held lab message</source>
        <translation>geben Sie einen Grund für das Zuordnen oder Verwerfen einer zurückgehaltenen Labornachricht an</translation>
    </message>
    <message>
        <source>keep the reason under {count} characters</source>
        <translation>der Grund muss kürzer als {count} Zeichen sein</translation>
    </message>
    <message>
        <source>the reason must be one line of text</source>
        <translation>der Grund muss eine einzelne Textzeile sein</translation>
    </message>
</context>
<context>
    <name>HubStatus</name>
    <message>
        <source>nothing to send</source>
        <extracomment>The last time a sync left this replica in step with the hub (None: not yet). When the current run of failed attempts began (None: the last attempt worked). The last failure, one line (&quot;&quot; when the last attempt worked). Whether the last failure was the hub not answering (down, network), rather than the hub refusing (credentials, version, a replica it will not take). Entries saved here the hub does not have yet (known after a failed attempt). When the chart file last recorded a sync that moved something, before this window tried (None: never): a run of failures at start-up began no later than that.</extracomment>
        <translation>nichts zu senden</translation>
    </message>
    <message>
        <source>1 entry to send</source>
        <translation>1 Eintrag zu senden</translation>
    </message>
    <message>
        <source>{count} entries to send</source>
        <translation>{count} Einträge zu senden</translation>
    </message>
    <message>
        <source>hub unreachable since {since} — charting on this computer, {entries}</source>
        <translation>Stations-Hub nicht erreichbar seit {since} — Dokumentation auf diesem Computer, {entries}</translation>
    </message>
    <message>
        <source>not syncing with the ward hub since {since} — charting on this computer, {entries}</source>
        <translation>kein Abgleich mit dem Stations-Hub seit {since} — Dokumentation auf diesem Computer, {entries}</translation>
    </message>
    <message>
        <source>in step with the ward hub · {when}</source>
        <translation>abgeglichen mit dem Stations-Hub · {when}</translation>
    </message>
    <message>
        <source>syncing with the ward hub…</source>
        <translation>Abgleich mit dem Stations-Hub…</translation>
    </message>
    <message>
        <source>nothing saved here is waiting to be sent</source>
        <translation>nichts hier Gespeichertes wartet auf das Senden</translation>
    </message>
    <message>
        <source>1 entry saved here has not reached them</source>
        <translation>1 hier gespeicherter Eintrag ist dort noch nicht angekommen</translation>
    </message>
    <message>
        <source>{count} entries saved here have not reached them</source>
        <translation>{count} hier gespeicherte Einträge sind dort noch nicht angekommen</translation>
    </message>
    <message>
        <source>the ward hub does not answer</source>
        <translation>der Stations-Hub antwortet nicht</translation>
    </message>
    <message>
        <source>the ward hub refused: {problem}</source>
        <translation>der Stations-Hub hat abgelehnt: {problem}</translation>
    </message>
    <message>
        <source>Not in step with the ward hub since {since} (more than {minutes} minutes): {why}. Entries made on other computers since then may not show here, and {here}. Everything charted here is saved on this computer; tell IT if this lasts.</source>
        <translation>Seit {since} nicht mit dem Stations-Hub abgeglichen (länger als {minutes} Minuten): {why}. Einträge, die seitdem an anderen Computern gemacht wurden, erscheinen hier womöglich nicht, und {here}. Alles hier Dokumentierte ist auf diesem Computer gespeichert; verständigen Sie die IT, wenn das anhält.</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>contains an invisible or direction-changing character ({character}); retype it without pasting</source>
        <extracomment>Default_Ignorable_Code_Point: characters a renderer shows as nothing at all. Python&apos;s unicodedata does not carry this property, so the ranges are written out here, as listed in DerivedCoreProperties.txt of the Unicode Character Database (the list is the same in Unicode 14.0, 15.0, 15.1 and 16.0). See docs/identifiers.md. Characters that are not default-ignorable yet show as an empty space, so they pass for a blank: the Braille pattern blank and the Khitan small script filler. General categories never allowed: controls, formats, private use, surrogates, unassigned, line and paragraph separators. Joiners needed to spell some names correctly (Persian, Indic scripts): allowed in names and free text, never in identifiers.</extracomment>
        <translation>enthält ein unsichtbares oder die Schreibrichtung änderndes Zeichen ({character}); tippen Sie es neu, ohne einzufügen</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {limit}</source>
        <translation>ist {length} Zeichen lang; höchstens {limit}</translation>
    </message>
    <message>
        <source>contains a control character (a stray key or a pasted tab)</source>
        <translation>enthält ein Steuerzeichen (eine versehentliche Taste oder einen eingefügten Tabulator)</translation>
    </message>
    <message>
        <source>contains an invisible or direction-changing character ({character})</source>
        <translation>enthält ein unsichtbares oder die Schreibrichtung änderndes Zeichen ({character})</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <source>{dob} is not the date of birth of MRN {mrn} on this chart ({chart_dob})</source>
        <extracomment>The UCUM code of every count wardchart writes (×10⁹/L); percentages are &quot;%&quot;. The LOINC code written for each quantity. Method-less codes: a count typed by a nurse or computed from a differential does not say which analyser method produced it. Values a result row carries in and out. The record kind of a result row in an export (``kind`` column). The export&apos;s columns that only describe a row: read, never charted, never checked. Laboratory statuses a result row may carry (empty for a result typed by a nurse).</extracomment>
        <translation>{dob} ist nicht das Geburtsdatum von MRN {mrn} in dieser Kurvendatei ({chart_dob})</translation>
    </message>
    <message>
        <source>{name} is not the name of MRN {mrn} on this chart</source>
        <translation>{name} ist nicht der Name von MRN {mrn} in dieser Kurvendatei</translation>
    </message>
    <message>
        <source>{kind} rows cannot be imported, only CBC results; export them alone with `wardchart export --format csv --kind result`</source>
        <translation>{kind}-Zeilen können nicht importiert werden, nur Blutbildergebnisse; exportieren Sie diese allein mit `wardchart export --format csv --kind result`</translation>
    </message>
    <message>
        <source>{status} is not preliminary, final or corrected (or empty)</source>
        <translation>{status} ist nicht preliminary, final oder corrected (oder leer)</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{typed} has points between thousands; give {as_whole} for the whole number</source>
        <extracomment>No laboratory value or temperature needs more significant digits than this. One point with exactly three digits after it: &quot;2.100&quot; is 2100 where the point separates thousands (German), 2.1 elsewhere. Several points between groups of three digits (&quot;1.000.000&quot;): only a whole number.</extracomment>
        <translation>{typed} hat Punkte zwischen Tausendern; geben Sie {as_whole} für die ganze Zahl ein</translation>
    </message>
    <message>
        <source>{typed} is ambiguous: a point before three digits separates thousands; give {as_decimal} for a decimal or {as_whole} for a whole number</source>
        <translation>{typed} ist mehrdeutig: Ein Punkt vor drei Ziffern trennt Tausender; geben Sie {as_decimal} für eine Dezimalzahl oder {as_whole} für eine ganze Zahl ein</translation>
    </message>
    <message>
        <source>{typed} contains a comma; use a decimal point, e.g. 1.5</source>
        <translation>{typed} enthält ein Komma; verwenden Sie einen Dezimalpunkt, z. B. 1.5</translation>
    </message>
    <message>
        <source>{typed} is not a number; give e.g. 0,42</source>
        <translation>{typed} ist keine Zahl; geben Sie z. B. 0,42 ein</translation>
    </message>
    <message>
        <source>{typed} is not a number; give e.g. 0.42</source>
        <translation>{typed} ist keine Zahl; geben Sie z. B. 0.42 ein</translation>
    </message>
    <message>
        <source>{typed} has too many digits to be a measurement</source>
        <translation>{typed} hat zu viele Ziffern für einen Messwert</translation>
    </message>
    <message>
        <source>{typed} is not a number</source>
        <translation>{typed} ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>Patients</name>
    <message>
        <source>{dob} would make the patient {age}; check the year</source>
        <translation>Mit {dob} wäre der Patient {age}; prüfen Sie das Jahr</translation>
    </message>
    <message>
        <source>{dob} makes the patient {age} years old</source>
        <translation>Mit {dob} ist der Patient {age} Jahre alt</translation>
    </message>
    <message>
        <source>{dob} is today: a patient born today?</source>
        <translation>{dob} ist heute: ein heute geborener Patient?</translation>
    </message>
    <message>
        <source>the MRN is empty</source>
        <translation>Die Patienten-ID (MRN) ist leer</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>Der Name ist leer</translation>
    </message>
    <message>
        <source>{sex} is not F, M or X</source>
        <translation>{sex} ist nicht F, M oder X</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>ready</source>
        <extracomment>Recovery is the first result after the nadir with ANC ≥ 1.5 ×10⁹/L (configurable per ward); 1.5 is the common &quot;neutropenic&quot; line [11c]; see docs/clinical-rules.md#nadir-and-recovery. docs/clinical-rules.md#nadir-window: days 7–14 cover [18][19][20]; used when the regimen gives no window. The statuses as people read them (compared and exported in English, shown translated).</extracomment>
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
        <source>{regimen} is given irrespective of the ANC</source>
        <translation>{regimen} wird unabhängig von der ANC gegeben</translation>
    </message>
    <message>
        <source>no ANC since day 1</source>
        <translation>keine ANC seit Tag 1</translation>
    </message>
    <message>
        <source>needs ANC {op} {anc} ×10⁹/L</source>
        <translation>erfordert ANC {op} {anc} ×10⁹/L</translation>
    </message>
    <message>
        <source>needs ANC {op} {anc} and platelets {plt_op} {platelets}; no platelet count</source>
        <translation>erfordert ANC {op} {anc} und Thrombozyten {plt_op} {platelets}; keine Thrombozytenzahl</translation>
    </message>
    <message>
        <source>needs ANC {op} {anc} and platelets {plt_op} {platelets} ×10⁹/L</source>
        <translation>erfordert ANC {op} {anc} und Thrombozyten {plt_op} {platelets} ×10⁹/L</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>MRN</source>
        <extracomment>A stored field as people read it in a record&apos;s history (the window&apos;s words).</extracomment>
        <translation>MRN</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>marrow involved</source>
        <translation>Knochenmarkbefall</translation>
    </message>
    <message>
        <source>immune disorder</source>
        <translation>Immunerkrankung</translation>
    </message>
    <message>
        <source>risk notes</source>
        <translation>Risikohinweise</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>regimen</source>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>regimen id</source>
        <translation>Therapieschema-ID</translation>
    </message>
    <message>
        <source>day 1</source>
        <translation>Tag 1</translation>
    </message>
    <message>
        <source>cycle length (days)</source>
        <translation>Zykluslänge (Tage)</translation>
    </message>
    <message>
        <source>expected nadir from day</source>
        <translation>erwarteter Nadir ab Tag</translation>
    </message>
    <message>
        <source>to day</source>
        <translation>bis Tag</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>abgenommen</translation>
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
        <source>neutrophils %</source>
        <translation>Neutrophile %</translation>
    </message>
    <message>
        <source>bands %</source>
        <translation>Stabkernige %</translation>
    </message>
    <message>
        <source>platelets</source>
        <translation>Thrombozyten</translation>
    </message>
    <message>
        <source>ANC lower limit</source>
        <translation>ANC untere Normgrenze</translation>
    </message>
    <message>
        <source>WBC lower limit</source>
        <translation>Leukozyten untere Normgrenze</translation>
    </message>
    <message>
        <source>unit typed</source>
        <translation>eingegebene Einheit</translation>
    </message>
    <message>
        <source>value typed</source>
        <translation>eingegebener Wert</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>lab status</source>
        <translation>Laborstatus</translation>
    </message>
    <message>
        <source>temperature °C</source>
        <translation>Temperatur °C</translation>
    </message>
    <message>
        <source>route</source>
        <translation>Messort</translation>
    </message>
    <message>
        <source>given</source>
        <translation>gegeben</translation>
    </message>
    <message>
        <source>drug</source>
        <translation>Präparat</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>from (UTC)</source>
        <translation>ab (UTC)</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>no</source>
        <extracomment>Yes/no fields stored as 0 or 1.</extracomment>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>next cycle needs ANC</source>
        <extracomment>Characters of an id shown: enough to tell records apart, and to name one on the command line.</extracomment>
        <translation>nächster Zyklus erfordert ANC</translation>
    </message>
    <message>
        <source>next cycle needs platelets</source>
        <translation>nächster Zyklus erfordert Thrombozyten</translation>
    </message>
    <message>
        <source>{label} (first 8)</source>
        <translation>{label} (erste 8 Zeichen)</translation>
    </message>
</context>
<context>
    <name>Regimens</name>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} ist keine Zahl</translation>
    </message>
    <message>
        <source>{value} is not &apos;&gt;=&apos; or &apos;&gt;&apos;</source>
        <translation>{value} ist nicht &apos;&gt;=&apos; oder &apos;&gt;&apos;</translation>
    </message>
    <message>
        <source>incomplete regimen entry: {error}</source>
        <extracomment>The cycle length of a regimen not in the ward&apos;s library: the commonest schedule (every 21 days), overridable per cycle (docs/clinical-rules.md).</extracomment>
        <translation>unvollständiger Eintrag im Therapieschema: {error}</translation>
    </message>
    <message>
        <source>the regimen needs a name</source>
        <translation>Das Therapieschema braucht einen Namen</translation>
    </message>
    <message>
        <source>duplicate regimen names: {names}</source>
        <translation>doppelte Namen von Therapieschemata: {names}</translation>
    </message>
    <message>
        <source>{typed} is not a whole number (digits 0-9, at most 4)</source>
        <translation>{typed} ist keine ganze Zahl (Ziffern 0-9, höchstens 4)</translation>
    </message>
    <message>
        <source>{typed} is not a window; give e.g. 7-14</source>
        <translation>{typed} ist kein Fenster; geben Sie z. B. 7-14 ein</translation>
    </message>
    <message>
        <source>{typed}: give first-last with 1 ≤ first ≤ last</source>
        <translation>{typed}: Geben Sie erster-letzter ein, mit 1 ≤ erster ≤ letzter</translation>
    </message>
</context>
<context>
    <name>ResultNotes</name>
    <message>
        <source>P = preliminary result from the laboratory, not yet final</source>
        <extracomment>Decimal places a haematology analyser reports a count with (×10⁹/L). The mark after a count the laboratory reported as preliminary (not yet verified): &quot;0.45 P&quot;. See docs/hl7-inbox.md.</extracomment>
        <translation>P = vorläufiger Laborbefund, noch nicht endgültig</translation>
    </message>
    <message>
        <source>corrected, preliminary</source>
        <translation>korrigiert, vorläufig</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>preliminary</source>
        <translation>vorläufig</translation>
    </message>
</context>
<context>
    <name>RiskFlags</name>
    <message>
        <source>age≥65</source>
        <translation>≥65 J.</translation>
    </message>
    <message>
        <source>age {age}: 65 or over</source>
        <translation>Alter {age}: 65 oder älter</translation>
    </message>
    <message>
        <source>age&lt;18</source>
        <translation>&lt;18 J.</translation>
    </message>
    <message>
        <source>age {age}: under 18</source>
        <translation>Alter {age}: unter 18</translation>
    </message>
    <message>
        <source>marrow</source>
        <translation>KM</translation>
    </message>
    <message>
        <source>haematological cancer involving the marrow</source>
        <translation>hämatologische Krebserkrankung mit Knochenmarkbefall</translation>
    </message>
    <message>
        <source>immune</source>
        <translation>Immun</translation>
    </message>
    <message>
        <source>immune disorder</source>
        <translation>Immunerkrankung</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>text, up to 80 characters, printed in page headers</source>
        <extracomment>Backups kept beside the chart file: the most recent ones, and one a day for N days. A window on a chart file with accounts locks after this many idle minutes. HL7 result import (docs/hl7-import.md): chart messages marked T (interface testing) too, and the laboratory&apos;s own codes (&quot;WBC=wbc; NEUT#=anc&quot;). A folder the window watches for laboratory result files (&quot;&quot; for none); see docs/hl7-inbox.md. Its existence is checked by storage when it is set. The ward hub this chart syncs with (&quot;&quot; for none): a libpq address, never with a password in it (docs/hub.md). The window warns with a banner once it has been out of step with the ward hub for longer than this (docs/hub.md). The only settings a nurse may change: the ward&apos;s name on printouts. Every other setting changes what the chart flags, grades or imports, how long patient data stays on an unattended screen, or how many backups survive, so only a ward administrator may change it (each is justified in docs/accounts.md). A setting added later is an administrator&apos;s until it is listed here. What each setting accepts, in words (the window&apos;s hints; docs/accounts.md).</extracomment>
        <translation>Text, bis zu 80 Zeichen, in Seitenköpfen gedruckt</translation>
    </message>
    <message>
        <source>5.0 or 6.0</source>
        <translation>5.0 oder 6.0</translation>
    </message>
    <message>
        <source>idsa2010, ctcae, esmo or nice</source>
        <translation>idsa2010, ctcae, esmo oder nice</translation>
    </message>
    <message>
        <source>a count in ×10⁹/L, or empty to use only the lab&apos;s own limit</source>
        <translation>ein Zellwert in ×10⁹/L, oder leer, um nur die Grenze des Labors zu verwenden</translation>
    </message>
    <message>
        <source>a count in ×10⁹/L, e.g. 1.5</source>
        <translation>ein Zellwert in ×10⁹/L, z. B. 1.5</translation>
    </message>
    <message>
        <source>a whole number of 1 or more</source>
        <translation>eine ganze Zahl ab 1</translation>
    </message>
    <message>
        <source>a whole number of minutes from 1 to 240</source>
        <translation>eine ganze Zahl von Minuten von 1 bis 240</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>yes oder no</translation>
    </message>
    <message>
        <source>[SYSTEM:]CODE=quantity; … (see docs/hl7-import.md), or empty</source>
        <translation>[SYSTEM:]CODE=Größe; … (siehe docs/hl7-import.md), oder leer</translation>
    </message>
    <message>
        <source>the whole path of an existing folder, or empty for none</source>
        <translation>der vollständige Pfad eines vorhandenen Ordners, oder leer für keinen</translation>
    </message>
    <message>
        <source>the ward hub&apos;s address (postgresql://USER@HOST/DATABASE or service=NAME, never with a password), or empty for none</source>
        <translation>die Adresse des Stations-Hubs (postgresql://BENUTZER@HOST/DATENBANK oder service=NAME, nie mit Passwort), oder leer für keinen</translation>
    </message>
    <message>
        <source>a whole number of minutes from 1 to 1440</source>
        <translation>eine ganze Zahl von Minuten von 1 bis 1440</translation>
    </message>
    <message>
        <source>unknown setting {key}; known: {known}</source>
        <extracomment>The ward&apos;s name is printed in page headers: a line&apos;s worth.</extracomment>
        <translation>unbekannte Einstellung {key}; bekannt: {known}</translation>
    </message>
    <message>
        <source>{value} is not 5.0 or 6.0</source>
        <translation>{value} ist nicht 5.0 oder 6.0</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <translation>{value} ist nicht eines von {choices}</translation>
    </message>
    <message>
        <source>{value}: give yes or no</source>
        <translation>{value}: Geben Sie yes oder no ein</translation>
    </message>
    <message>
        <source>{value}: give a whole number from 1 to {most}</source>
        <translation>{value}: Geben Sie eine ganze Zahl von 1 bis {most} ein</translation>
    </message>
    <message>
        <source>{value}: give a whole number of 1 or more</source>
        <translation>{value}: Geben Sie eine ganze Zahl ab 1 ein</translation>
    </message>
    <message>
        <source>give a number, e.g. 1.5</source>
        <translation>Geben Sie eine Zahl ein, z. B. 1.5</translation>
    </message>
    <message>
        <source>the address must not hold a password: keep it in ~/.pgpass or PGPASSWORD</source>
        <translation>Die Adresse darf kein Passwort enthalten: Hinterlegen Sie es in ~/.pgpass oder PGPASSWORD</translation>
    </message>
    <message>
        <source>{value}: give a postgresql:// URL or a service, e.g. service=ward4a</source>
        <translation>{value}: Geben Sie eine postgresql://-URL oder einen Dienst an, z. B. service=ward4a</translation>
    </message>
</context>
<context>
    <name>Temperatures</name>
    <message>
        <source>{value} °{unit} is not a body temperature in °C or °F</source>
        <translation>{value} °{unit} ist keine Körpertemperatur in °C oder °F</translation>
    </message>
    <message>
        <source>{value} °{unit} ({celsius} °C) is not a body temperature</source>
        <translation>{value} °{unit} ({celsius} °C) ist keine Körpertemperatur</translation>
    </message>
    <message>
        <source>{value} °{unit} is not a body temperature; did you mean {tenfold}?</source>
        <translation>{value} °{unit} ist keine Körpertemperatur; meinten Sie {tenfold}?</translation>
    </message>
    <message>
        <source>{value} °{unit} is not a body temperature; was it °C?</source>
        <translation>{value} °{unit} ist keine Körpertemperatur; war es °C?</translation>
    </message>
    <message>
        <source>{value} °{unit} is not a body temperature</source>
        <translation>{value} °{unit} ist keine Körpertemperatur</translation>
    </message>
    <message>
        <source>{value} °{unit} is above 45; probably °F</source>
        <translation>{value} °{unit} liegt über 45; wahrscheinlich °F</translation>
    </message>
    <message>
        <source>{value} °{unit} is below {low} °C; check the reading and the decimal point</source>
        <translation>{value} °{unit} liegt unter {low} °C; prüfen Sie Messung und Dezimaltrennzeichen</translation>
    </message>
</context>
<context>
    <name>Times</name>
    <message>
        <source>{time} is in the future</source>
        <extracomment>A count of 500 or more in a ×10⁹/L field is above the analyser&apos;s reportable range (0.03–440 ×10⁹/L for the WBC), so it was most likely entered in cells/µL. No analyser displays a WBC of 1000 ×10⁹/L or more (display range up to 999.99). The analyser&apos;s lowest reportable WBC; a lower non-zero WBC is a probable unit slip. Platelets (engineering choices, see docs/plausibility.md): a value this high in ×10⁹/L is probably cells/µL; ten times more is no platelet count at all. Hyperleukocytosis is a WBC above 100 ×10⁹/L; G-CSF can cause it. A lower limit of normal is the bottom of a normal range: warn outside these (engineering margins around the published floors, see docs/plausibility.md). Temperatures, compared in °C. Above 45 in a °C field is probably °F. Above this, a °C entry is not a body temperature even if it was meant as °F. A time charted this long after it happened must be confirmed. Ages (whole years) past which a date of birth is implausible or impossible. Cycle lengths and nadir days: a regimen&apos;s day numbers (engineering bounds). &quot;lab&quot; (reported), &quot;computed&quot; (from WBC and differential), or None (no ANC).</extracomment>
        <translation>{time} liegt in der Zukunft</translation>
    </message>
    <message>
        <source>{day} is before the patient&apos;s date of birth {dob}</source>
        <translation>{day} liegt vor dem Geburtsdatum des Patienten {dob}</translation>
    </message>
    <message>
        <source>{time} is {days} days ago; check the date</source>
        <translation>{time} liegt {days} Tage zurück; prüfen Sie das Datum</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>{day} liegt in der Zukunft</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>10^9/L, G/L, 10^3/uL, K/uL, cells/uL, /uL or /mm3</source>
        <extracomment>The internal unit of every count (docs/clinical-rules.md#units-ucum). docs/clinical-rules.md#units-ucum: ×10⁹/L = ×10^3/µL = G/L; 1 ×10⁹/L = 1000 cells/µL = 1000/mm³.</extracomment>
        <translation>10^9/L, G/L, 10^3/uL, K/uL, cells/uL, /uL oder /mm3</translation>
    </message>
    <message>
        <source>unknown count unit {typed}; use {accepted}</source>
        <translation>unbekannte Einheit {typed}; verwenden Sie {accepted}</translation>
    </message>
</context>
</TS>
