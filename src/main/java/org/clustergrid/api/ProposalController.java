package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.register.Author;
import org.clustergrid.register.Proposal;
import org.clustergrid.register.ProposalStatus;
import org.clustergrid.register.Proposals;
import org.clustergrid.register.RegisterException;
import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.clustergrid.security.web.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Proposed changes to the cluster register: anyone signed in proposes and follows their own proposals; editors see
 * them all and accept (the change is made, as their version) or reject them with a note. Who may call what is in
 * AccessRules; who may see which proposal is decided here.
 */
@RestController
@RequestMapping("/api/proposals")
class ProposalController {
    private static final Set<String> SUBMISSION = Set.of("kind", "clusterGridId", "body", "etag", "comment");
    private final Proposals proposals;
    private final ObjectMapper mapper;

    ProposalController(Proposals proposals, ObjectMapper mapper) {
        this.proposals = proposals;
        this.mapper = mapper;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) byte[] body) {
        JsonNode in = json(body, true);
        for (var it = in.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!SUBMISSION.contains(name)) {
                throw RegisterException.badInput(name, "is not a member of a proposal; send kind, clusterGridId,"
                        + " body, etag and comment");
            }
        }
        Caller caller = caller();
        Proposal p = proposals.submit(new Proposals.Submission(text(in, "kind"), text(in, "clusterGridId"),
                in.get("body"), text(in, "etag")), new Author(caller.name(), caller.via(),
                text(in, "comment")));
        Map<String, Object> out = json(p);
        return ResponseEntity.created(URI.create((String) out.get("href"))).body(out);
    }

    /** Editors see every proposal; anyone else their own. */
    @GetMapping
    ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String status) {
        ProposalStatus s = status == null || status.isBlank() ? null : ProposalStatus.of(status, "status");
        List<Proposal> found = proposals.list(s, canDecide() ? null : caller().name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", s == null ? null : s.id());
        out.put("numberReturned", found.size());
        out.put("proposals", found.stream().map(this::json).toList());
        return personal(out);
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        Proposal p = proposals.get(number(id));
        if (!canDecide() && !p.proposer().equals(caller().name())) {
            throw RegisterException.of(RegisterException.Reason.FORBIDDEN, "proposal " + p.id()
                    + " is someone else's; only its proposer and editors may read it");
        }
        return personal(json(p));
    }

    /** What one caller may read is theirs: no shared cache keeps it, whatever anonymous read says. */
    private static ResponseEntity<Map<String, Object>> personal(Map<String, Object> body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(body);
    }

    @PostMapping("/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return json(proposals.accept(number(id), decider(body)));
    }

    @PostMapping("/{id}/reject")
    Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return json(proposals.reject(number(id), decider(body)));
    }

    @ExceptionHandler(RegisterException.class)
    ResponseEntity<Map<String, Object>> refused(RegisterException e) {
        return ResponseEntity.status(RegisterErrors.status(e)).contentType(MediaType.APPLICATION_JSON)
                .body(RegisterErrors.body(e));
    }

    private Author decider(byte[] body) {
        JsonNode in = json(body, false);
        Caller caller = caller();
        return new Author(caller.name(), caller.via(), in == null ? null : text(in, "note"));
    }

    private static Caller caller() {
        return Callers.of(SecurityContextHolder.getContext().getAuthentication());
    }

    private static boolean canDecide() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> Role.EDITOR.authority().equals(a.getAuthority()));
    }

    /** Proposal ids are numbers; anything else names no proposal. */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw RegisterException.of(RegisterException.Reason.NOT_FOUND, "no proposal '"
                    + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'; proposal ids are numbers");
        }
    }

    private JsonNode json(byte[] body, boolean required) {
        if (body == null || body.length == 0) {
            if (required) {
                throw RegisterException.badInput("body", "send the proposal as a JSON object");
            }
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw RegisterException.badInput("body", "expected a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw RegisterException.badInput("body", "not JSON: " + detail);
        }
    }

    private static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RegisterException.badInput(field, "expected text, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (v.asText().length() > Author.MAX_COMMENT) {
            throw RegisterException.badInput(field, "is " + v.asText().length() + " characters long, more than the "
                    + Author.MAX_COMMENT + " allowed");
        }
        return v.asText();
    }

    private Map<String, Object> json(Proposal p) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("kind", p.kind().id());
        m.put("clusterGridId", p.clusterGridId());
        m.put("etag", p.etag());
        m.put("comment", p.comment());
        m.put("body", p.body());
        m.put("proposer", p.proposer());
        m.put("via", p.proposerVia());
        m.put("proposedAt", p.proposedAt().toString());
        m.put("status", p.status().id());
        m.put("decidedBy", p.decidedBy());
        m.put("decidedAt", p.decidedAt() == null ? null : p.decidedAt().toString());
        m.put("note", p.note());
        if (p.resultClusterGridId() != null) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clusterGridId", p.resultClusterGridId());
            result.put("version", p.resultVersion());
            result.put("href", base + "/api/clusters/" + UriUtils.encodePathSegment(p.resultClusterGridId(),
                    StandardCharsets.UTF_8) + "/history/" + p.resultVersion());
            m.put("result", result);
        }
        m.put("href", base + "/api/proposals/" + p.id());
        return m;
    }
}
