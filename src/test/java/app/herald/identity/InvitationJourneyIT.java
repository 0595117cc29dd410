package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.OneTimeCodes;
import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.MailForTests;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The owner's day one, in a real browser: create a client, invite its approver, who follows the e-mailed link, sets a
 * password, signs in and sees that client and nothing else; later forgets the password and chooses a new one. And a
 * member's two-factor sign-in, set up and used on a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    private void signIn(Browser browser, String email, String password) {
        browser.open(base + "login.xhtml");
        browser.type("login:email", email);
        browser.type("login:password", password);
        browser.click("login:signIn");
    }

    @Test
    void anOwnerCreatesAClientAndInvitesItsApproverWhoSeesOnlyThatClient(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String clientName = "Umbrella <i>" + tag + "</i>";
        String approver = "approver-" + tag + "@umbrella.test";
        try (Browser browser = new Browser()) {
            try {
                signIn(browser, Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.type("create:name", clientName);
                browser.click("create:createClient");
                browser.awaitText("created.");
                assertTrue(browser.text().contains(clientName), "the name is shown as text, not run as markup");
                assertTrue(browser.driver().findElements(By.xpath("//i[contains(text(),'" + tag + "')]")).isEmpty());

                browser.open(base + "agency/people.xhtml");
                browser.type("inviteClient:email", approver);
                browser.choose("inviteClient:client", tag);
                browser.click("inviteClient:send");
                browser.awaitText("Invitation sent to " + approver);

                String mail = MailForTests.awaitMail(approver, "You are invited");
                assertTrue(mail.contains(clientName), mail);
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                browser.open(MailForTests.link(mail));
                browser.awaitText("Welcome to Herald");
                assertTrue(browser.text().contains(clientName));
                browser.type("accept:name", "Una Umbrella");
                browser.type("accept:password", "umbrella passphrase");
                browser.type("accept:repeated", "umbrella passphrase");
                browser.click("accept:join");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, approver, "umbrella passphrase");
                browser.awaitUrlContains("/client/home.xhtml?client=");
                browser.awaitText("Times are shown in Europe/Berlin");
                String home = browser.text();
                assertTrue(home.contains(clientName), home);
                assertTrue(home.contains("Una Umbrella"), home);
                assertFalse(home.contains(Demo.ACME) || home.contains(Demo.GLOBEX) || home.contains(Demo.INITECH), home);

                browser.open(base + "agency/clients.xhtml");
                browser.awaitText("Not allowed");
                browser.open(MailForTests.link(mail));
                browser.awaitText("already been used");
                browser.open(base + "index.xhtml");
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                forgetAndResetThePassword(browser, approver);
                signIn(browser, approver, "umbrella passphrase");
                browser.awaitText("not correct");
                signIn(browser, approver, "a new umbrella passphrase");
                browser.awaitUrlContains("/client/home.xhtml?client=");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    /**
     * On a phone: a new member turns on two-factor sign-in from their settings (the code computed here from the key
     * the page shows, as an app would), keeps the recovery codes, and signs in again with the app's code and then
     * with a recovery code.
     */
    @Test
    void aMemberTurnsOnTwoFactorSignInOnAPhoneAndSignsInWithTheAppsCode(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String member = "careful-" + tag + "@northwind.test";
        String password = "careful passphrase " + tag;
        try (Browser browser = new Browser(390, 844)) {
            try {
                signIn(browser, Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.open(base + "agency/people.xhtml");
                browser.type("inviteMember:email", member);
                browser.click("inviteMember:send");
                browser.awaitText("Invitation sent to " + member);
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");
                browser.open(MailForTests.link(MailForTests.awaitMail(member, "You are invited")));
                browser.type("accept:name", "Cara Careful");
                browser.type("accept:password", password);
                browser.type("accept:repeated", password);
                browser.click("accept:join");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("/agency/");
                browser.open(base + "account.xhtml");
                browser.type("twoFactorStart:password", password);
                browser.click("twoFactorStart:begin");
                String secret = browser.visible("twoFactorSecret").getText().strip();
                assertTrue(browser.driver().findElements(By.cssSelector(".herald-qr svg path")).size() == 1,
                        "the QR code is drawn in the page");
                assertEquals(List.of(), browser.accessibilityViolations(), "enrolment is readable by everyone");
                assertEquals(0, browser.overflowX(), "enrolment fits the phone");
                browser.type("twoFactorEnrol:firstCode", codeAt(secret, 0));
                browser.click("twoFactorEnrol:confirm");
                browser.awaitText("Your recovery codes");
                List<String> recovery = browser.driver().findElements(By.cssSelector("#recoveryCodes code")).stream()
                        .map(code -> code.getText().strip()).toList();
                assertEquals(10, recovery.size(), recovery.toString());
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("sign-in-code.xhtml");
                assertEquals(0, browser.overflowX(), "the code page fits the phone");
                browser.type("code:value", codeAt(secret, 1));
                browser.click("code:confirm");
                browser.awaitUrlContains("/agency/");
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("sign-in-code.xhtml");
                browser.type("code:value", recovery.get(0));
                browser.click("code:confirm");
                browser.awaitUrlContains("/agency/");
                browser.open(base + "account.xhtml");
                browser.awaitText("9 of 10 recovery codes left");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    /** What an authenticator app shows for the key, now or steps later. */
    private static String codeAt(String secret, long stepsFromNow) {
        return OneTimeCodes.codeAt(secret, OneTimeCodes.stepOf(Instant.now()) + stepsFromNow, 6);
    }

    private void forgetAndResetThePassword(Browser browser, String email) {
        browser.open(base + "forgot-password.xhtml");
        browser.type("forgot:email", email);
        browser.click("forgot:send");
        browser.awaitText("a link to choose a new password is on its way");
        String mail = MailForTests.awaitMail(email, "Reset your Herald password");

        browser.open(MailForTests.link(mail));
        browser.type("reset:password", "short");
        browser.type("reset:repeated", "short");
        browser.click("reset:save");
        browser.awaitText("at least 12 characters");
        browser.type("reset:password", "a new umbrella passphrase");
        browser.type("reset:repeated", "a new umbrella passphrase");
        browser.click("reset:save");
        browser.awaitText("Your password was changed");
    }
}
