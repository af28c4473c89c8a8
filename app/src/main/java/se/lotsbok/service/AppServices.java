package se.lotsbok.service;

import java.time.Clock;
import se.lotsbok.report.ReportService;
import se.lotsbok.service.access.AccessLogService;
import se.lotsbok.service.casepath.CaseService;
import se.lotsbok.service.extract.ExtractService;
import se.lotsbok.service.importing.ImportService;
import se.lotsbok.service.journal.NoteService;
import se.lotsbok.service.maintenance.MaintenanceService;
import se.lotsbok.service.maintenance.ServerMove;
import se.lotsbok.service.navigator.NavigatorService;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.retention.RetentionService;
import se.lotsbok.service.settings.SettingsService;
import se.lotsbok.service.user.UserService;

/** The services of one logged-in session, built by the composition root. */
public record AppServices(ParticipantService participants, CaseService cases, NavigatorService navigators,
        NoteService notes, SettingsService settings, ReportService reports, ImportService imports,
        UserService users, AccessLogService accessLog, MaintenanceService maintenance, RetentionService retention,
        ExtractService extracts, ServerMove move, Clock clock) {
}
