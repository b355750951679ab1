import java.io.File;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.FunctionalSyntaxDocumentFormat;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * Reads the ontology document ONTOLOGY with the OWL API and prints each OWL 2 DL profile
 * violation, one a line, then "N violations". Given FUNCTIONAL too, writes the ontology there in
 * OWL functional syntax, which a reasoner such as Konclude reads.
 *
 * Run from source (java -cp OWLAPI_JARS OwlApiCheck.java ONTOLOGY [FUNCTIONAL]) by tests/test_ontology.py.
 */
public class OwlApiCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println(violation.toString().replace('\n', ' '));
        }
        System.out.println(report.getViolations().size() + " violations");
        if (args.length > 1) {
            manager.saveOntology(ontology, new FunctionalSyntaxDocumentFormat(), IRI.create(new File(args[1])));
        }
    }
}
