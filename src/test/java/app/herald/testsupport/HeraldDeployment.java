package app.herald.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that Maven just built, as it will run in production, plus the test support classes. Tests never hand-pick
 * the application classes, so a test cannot pass against an archive that differs from the product.
 */
public final class HeraldDeployment {

    private HeraldDeployment() {
    }

    public static WebArchive war(Class<?>... testClasses) {
        File built = new File(System.getProperty("herald.war", "target/herald.war"));
        if (!built.isFile()) {
            throw new IllegalStateException(built + " is missing: run the integration tests through Maven (mvn verify)");
        }
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "herald.war").importFrom(built).as(WebArchive.class);
        war.addClasses(testClasses);
        war.addClasses(InTenant.class, Demo.class);
        return war;
    }
}
