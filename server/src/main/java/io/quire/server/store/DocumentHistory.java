package io.quire.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.merge.document.DocumentCodec;
import io.quire.sdk.DocumentId;
import io.quire.sdk.DocumentVersion;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** The versions of one document in the retained history, newest first. */
final class DocumentHistory {
    private DocumentHistory() {
    }

    static List<DocumentVersion> of(Repository repo, Head head, DocumentId id, int limit) {
        String path = StoreLayout.docPath(id);
        List<DocumentVersion> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            rw.setRevFilter(RevFilter.ALL);
            rw.sort(RevSort.COMMIT_TIME_DESC);
            rw.markStart(rw.parseCommit(head.commit()));
            ObjectId last = null;
            for (RevCommit c : rw) {
                ObjectId blob = blobAt(repo, c, path);
                if (blob != null && blob.equals(last)) continue;
                last = blob;
                Optional<ObjectNode> data = Optional.empty();
                if (blob != null)
                    data = Optional.of(DocumentCodec.decode(repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE)).data());
                out.add(new DocumentVersion(c.name(), Instant.ofEpochSecond(c.getCommitTime()),
                        blob == null ? Optional.empty() : Optional.of(new Revision(blob.name())), data));
                if (out.size() >= limit) break;
            }
        } catch (IOException e) {
            throw new QuireException.Unavailable("cannot read history of " + id + ": " + e.getMessage());
        }
        return out;
    }

    private static ObjectId blobAt(Repository repo, RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null ? null : tw.getObjectId(0);
        }
    }
}
