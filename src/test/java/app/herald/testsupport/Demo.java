package app.herald.testsupport;

/** The demo world that integration tests run against (HERALD_DEMO=true in Failsafe's environment). */
public final class Demo {

    public static final String PASSWORD = "herald-demo";
    public static final String ADMIN = "admin@herald.test";
    public static final String NORTHWIND_OWNER = "owner@northwind.test";
    public static final String NORTHWIND_EDITOR = "editor@northwind.test";
    public static final String NORTHWIND_ANALYST = "analyst@northwind.test";
    public static final String ACME_APPROVER = "approver@acme.test";
    public static final String GLOBEX_APPROVER = "approver@globex.test";
    public static final String SOUTHWIND_OWNER = "owner@southwind.test";
    public static final String ACME = "Acme Coffee";
    public static final String GLOBEX = "Globex Outdoor";
    public static final String INITECH = "Initech Labs";

    private Demo() {
    }
}
