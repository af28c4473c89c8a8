package se.lotsbok.service;

import java.time.Clock;
import se.lotsbok.service.participant.ParticipantService;
import se.lotsbok.service.settings.SettingsService;

/** The services the window's screens use, built by the composition root. */
public record AppServices(ParticipantService participants, SettingsService settings, Clock clock) {
}
