using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver, with a profile of its own (one
/// browser profile is one device). Every step can be kept as a screenshot under
/// <c>artifacts/browser/{test}/</c>. Nothing is downloaded: the browser and driver paths are given.
/// </summary>
public sealed class Chromium : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ChromeDriver _driver;
    private readonly string _profile;
    private readonly string _screenshots;
    private readonly Uri _site;
    private int _step;

    private Chromium(ChromeDriver driver, string profile, string screenshots, Uri site)
    {
        _driver = driver;
        _profile = profile;
        _screenshots = screenshots;
        _site = site;
    }

    /// <summary>The browser (CHROMIUM, else /usr/bin/chromium) and its driver (CHROMEDRIVER, else /usr/bin/chromedriver).</summary>
    public static (string Browser, string Driver) Executables =>
        (Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
         Environment.GetEnvironmentVariable("CHROMEDRIVER") ?? "/usr/bin/chromedriver");

    /// <summary>Opens a new browser profile named <paramref name="device"/> for <paramref name="site"/>; its screenshots go under <paramref name="test"/>.</summary>
    public static Chromium Open(Uri site, string test, string device)
    {
        var (browser, driverPath) = Executables;
        foreach (var path in new[] { browser, driverPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: the browser tests need Debian's chromium and chromium-driver (.ci/run installs them).", path);
            }
        }

        var profile = Directory.CreateTempSubdirectory("cognito-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--password-store=basic", "--window-size=1100,1000", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, Patience);
        driver.Manage().Timeouts().PageLoad = Patience;
        var screenshots = Path.Combine(ArtifactsDirectory, "browser", test, device);
        Directory.CreateDirectory(screenshots);
        return new Chromium(driver, profile, screenshots, site);
    }

    /// <summary>Where test artifacts go: COGNITO_ARTIFACTS, else <c>artifacts/</c> in the repository.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("COGNITO_ARTIFACTS") ?? Path.Combine(ProcessPaths.RepositoryRoot, "artifacts");

    public IWebDriver Driver => _driver;

    /// <summary>The path of the page the browser shows now.</summary>
    public string PathNow => new Uri(_driver.Url).AbsolutePath;

    public void Go(string path) => _driver.Navigate().GoToUrl(new Uri(_site, path));

    public IWebElement Find(string id) => Wait().Until(d => d.FindElement(By.Id(id)));

    public bool Has(string id) => _driver.FindElements(By.Id(id)).Count > 0;

    public void Fill(string id, string text)
    {
        var field = Find(id);
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Clicks what submits a form or follows a link, and waits until the next page has loaded.</summary>
    public void Submit(string id) => Submit(Find(id));

    public void Submit(IWebElement element)
    {
        var page = _driver.FindElement(By.TagName("html"));
        element.Click();
        Wait().Until(d =>
        {
            try
            {
                _ = page.TagName;
                return false;
            }
            catch (Exception e) when (e is StaleElementReferenceException or UnknownErrorException)
            {
                // Chromium reports a node of the replaced document either way.
                return ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete";
            }
        });
    }

    /// <summary>Clicks what the page handles itself (no navigation).</summary>
    public void Press(string id) => Find(id).Click();

    /// <summary>Waits until <paramref name="condition"/> holds (30 s at most).</summary>
    public T Until<T>(Func<IWebDriver, T> condition) => Wait().Until(condition);

    public string Text(string id) => Find(id).Text;

    /// <summary>The text of the page's error summary, or empty.</summary>
    public string Errors => Has("errors") ? _driver.FindElement(By.Id("errors")).Text : string.Empty;

    public Cookie? Cookie(string name) => _driver.Manage().Cookies.GetCookieNamed(name);

    public void ReplaceCookie(Cookie cookie)
    {
        _driver.Manage().Cookies.DeleteCookieNamed(cookie.Name);
        _driver.Manage().Cookies.AddCookie(cookie);
    }

    /// <summary>Saves the page as <c>NN-{step}.png</c> and returns its path.</summary>
    public string Screenshot(string step)
    {
        var path = Path.Combine(_screenshots, $"{(++_step).ToString("D2", CultureInfo.InvariantCulture)}-{step}.png");
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>For assertion messages: where the browser is and what the page says.</summary>
    public string Describe() => $"at {_driver.Url}: {_driver.FindElement(By.TagName("body")).Text}";

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; a temporary directory is harmless.
        }
    }

    private WebDriverWait Wait() => new(_driver, Patience);
}
